//! What can go wrong while loading. The words a reader sees for each case are in
//! `components::error_view`, beside the view that shows them.

use article::LoadError;

/// Why an article could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The article address uses a scheme other than http, https or a relative path
    /// (the lower-cased scheme, or empty when the address is blank).
    Address(String),
    /// The request or the body transfer failed (DNS, refused, CORS, connection dropped).
    Network(String),
    /// The browser reports no network connection.
    Offline,
    /// No complete answer within the time limit.
    Timeout {
        /// The limit, in milliseconds.
        ms: u32,
    },
    /// The server answered with a non-2xx status.
    Http {
        /// The HTTP status code.
        status: u16,
        /// The status text, if the server sent one.
        status_text: String,
    },
    /// The server sent something other than JSON (the type it named, maybe empty).
    ContentType(String),
    /// The body is empty (or only white space).
    Empty,
    /// The body is longer than the size limit.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body is not a valid article.
    Load(LoadError),
    /// No address was given and the page carries no article of its own.
    NotCarried,
}

impl FetchError {
    /// Whether trying again, unchanged, may succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Network(_) | FetchError::Offline | FetchError::Timeout { .. } => true,
            FetchError::Http { status, .. } => *status >= 500 || matches!(status, 408 | 429),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_failures() {
        assert!(FetchError::Timeout { ms: 1 }.is_transient());
        assert!(FetchError::Http {
            status: 503,
            status_text: String::new()
        }
        .is_transient());
        assert!(!FetchError::Http {
            status: 404,
            status_text: String::new()
        }
        .is_transient());
        assert!(!FetchError::Empty.is_transient());
    }
}
