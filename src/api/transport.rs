//! Getting the bytes of a JSON document. One attempt ([`fetch_bytes`]) is bounded in
//! time (an `AbortController` fires after [`FetchOptions::timeout_ms`], covering the
//! body too) and in size (the body is read chunk by chunk and abandoned as soon as it
//! passes [`FetchOptions::max_bytes`]); it takes over the request `assets/loader.js`
//! started early for the same URL. [`fetch_retrying`] retries what retrying can cure.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

use super::FetchError;
use crate::browser::dom;

/// Limits for one article load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FetchOptions {
    /// Give up on an attempt (request and body) after this many milliseconds.
    pub timeout_ms: u32,
    /// Refuse a body longer than this many bytes, counted while it arrives.
    pub max_bytes: usize,
    /// Automatic retries after a transient failure (network, timeout, 5xx).
    pub retries: u32,
    /// First back-off delay; it doubles on each retry.
    pub backoff_ms: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout_ms: 15_000,
            max_bytes: 5 * 1024 * 1024,
            retries: 2,
            backoff_ms: 1_000,
        }
    }
}

fn js_detail(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{v:?}"))
}

fn is_offline() -> bool {
    dom::window().is_some_and(|w| !w.navigator().on_line())
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = dom::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Aborts the request when the time limit passes; clears the timer when dropped.
struct Deadline {
    timer: i32,
    fired: Rc<Cell<bool>>,
    _on_fire: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(controller: &AbortController, ms: u32) -> Self {
        let fired = Rc::new(Cell::new(false));
        let on_fire = {
            let fired = fired.clone();
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                controller.abort();
            })
        };
        let timer = dom::window()
            .and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    on_fire.as_ref().unchecked_ref(),
                    ms.min(i32::MAX as u32) as i32,
                )
                .ok()
            })
            .unwrap_or(0);
        Deadline {
            timer,
            fired,
            _on_fire: on_fire,
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(w) = dom::window() {
            w.clear_timeout_with_handle(self.timer);
        }
    }
}

/// JSON media types: `application/json`, `text/json` and any `+json` suffix.
fn is_json_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence == "text/json" || essence.ends_with("+json")
}

/// The response `assets/loader.js` started for `url` before the wasm ran, with the
/// controller that aborts it; taken once. A response for another URL is aborted: the
/// viewer asked for something else.
fn take_early(window: &web_sys::Window, url: &str) -> Option<(js_sys::Promise, AbortController)> {
    let key = JsValue::from_str("__avEarlyArticle");
    let early = js_sys::Reflect::get(window, &key).ok()?;
    if early.is_undefined() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let field = |name: &str| js_sys::Reflect::get(&early, &JsValue::from_str(name)).ok();
    let controller: AbortController = field("controller")?.dyn_into().ok()?;
    if field("url")?.as_string().as_deref() != Some(url) {
        controller.abort();
        return None;
    }
    Some((field("response")?.dyn_into().ok()?, controller))
}

/// Whether the viewer fetches `url` at all: `?src=` comes from whoever wrote the
/// link, so only what [`article::safe_url`] allows, and not `mailto:` (never data:,
/// blob:, javascript: …). `loader.js`'s early fetch is held to the same answers by
/// `tests/startup_rules.json`.
pub fn check_address(url: &str) -> Result<(), FetchError> {
    match article::safe_url(url) {
        Ok(u)
            if !u
                .as_str()
                .get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case("mailto:")) =>
        {
            Ok(())
        }
        Ok(_) => Err(FetchError::Address("mailto".into())),
        Err(article::UrlError::Scheme(s)) => Err(FetchError::Address(s)),
        Err(article::UrlError::Empty) => Err(FetchError::Address(String::new())),
    }
}

/// One attempt: the body bytes of a 2xx JSON answer within the time and size limits.
pub(crate) async fn fetch_bytes(url: &str, opts: &FetchOptions) -> Result<Vec<u8>, FetchError> {
    check_address(url)?;
    let window = dom::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let early = take_early(&window, url);
    let controller = match &early {
        Some((_, c)) => c.clone(),
        None => AbortController::new().map_err(|e| FetchError::Network(js_detail(&e)))?,
    };
    let deadline = Deadline::start(&controller, opts.timeout_ms);
    let failed = |e: JsValue| {
        if deadline.fired.get() {
            FetchError::Timeout {
                ms: opts.timeout_ms,
            }
        } else if is_offline() {
            FetchError::Offline
        } else {
            FetchError::Network(js_detail(&e))
        }
    };

    let request = match early {
        Some((response, _)) => response,
        None => {
            let init = RequestInit::new();
            init.set_method("GET");
            init.set_signal(Some(&controller.signal()));
            window.fetch_with_str_and_init(url, &init)
        }
    };
    let resp = JsFuture::from(request).await.map_err(failed)?;
    let resp: Response = resp.dyn_into().map_err(failed)?;
    if !resp.ok() {
        controller.abort();
        return Err(FetchError::Http {
            status: resp.status(),
            status_text: resp.status_text(),
        });
    }
    let headers = resp.headers();
    let content_type = headers
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !is_json_type(&content_type) {
        controller.abort();
        return Err(FetchError::ContentType(content_type));
    }
    let declared = headers
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.trim().parse::<u64>().ok());
    if declared.is_some_and(|l| l > opts.max_bytes as u64) {
        controller.abort();
        return Err(FetchError::TooLarge {
            limit: opts.max_bytes,
        });
    }

    let Some(body) = resp.body() else {
        return Err(FetchError::Empty);
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0) as usize);
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(failed)?;
        if done.is_truthy() {
            break;
        }
        let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
            .map_err(failed)?
            .unchecked_into();
        if bytes.len() + value.length() as usize > opts.max_bytes {
            // Stop the transfer now: the rest of an oversized body is never read.
            controller.abort();
            return Err(FetchError::TooLarge {
                limit: opts.max_bytes,
            });
        }
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FetchError::Empty);
    }
    Ok(bytes)
}

/// [`fetch_bytes`], retrying transient failures with exponential back-off
/// (`backoff_ms`, then twice that, …) up to `retries` times. When the browser is
/// offline it stops at once: the caller retries on `online` (`hooks::use_load`).
pub(crate) async fn fetch_retrying(url: &str, opts: &FetchOptions) -> Result<Vec<u8>, FetchError> {
    let mut attempt = 0;
    loop {
        match fetch_bytes(url, opts).await {
            Err(e) if e.is_transient() && e != FetchError::Offline && attempt < opts.retries => {
                sleep(opts.backoff_ms.saturating_mul(1 << attempt.min(16))).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_types() {
        for t in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/ld+json",
            "text/json",
        ] {
            assert!(is_json_type(t), "{t}");
        }
        for t in [
            "",
            "text/html",
            "text/plain",
            "application/javascript",
            "application/jsonx",
        ] {
            assert!(!is_json_type(t), "{t}");
        }
    }
}
