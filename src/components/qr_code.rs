//! A QR code drawn as SVG elements (one `<path>`), never as an HTML string.

use yew::prelude::*;

use crate::qr;

/// The QR code of `text` (the page URL), named `label`, with a four-module quiet
/// zone, or a message when the text is too long for a QR code. Drawn only while the
/// share panel is open; encoding a URL takes well under a millisecond.
pub fn qr_code(text: &str, label: &'static str) -> Html {
    match path_of(text) {
        Some((d, size)) => html! {
            <svg class="qr-code" role="img" aria-label={label}
                viewBox={format!("0 0 {size} {size}")} shape-rendering="crispEdges">
                <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
                <path {d} fill="#000" />
            </svg>
        },
        None => html! { <p class="qr-error">{ "网址过长\u{ff0c}无法生成二维码" }</p> },
    }
}

/// The SVG path of the dark modules and the side of the square with its quiet zone.
fn path_of(text: &str) -> Option<(String, usize)> {
    let code = qr::encode(text.as_bytes())?;
    let w = code.size;
    let mut d = String::new();
    for y in 0..w {
        for x in 0..w {
            if code.is_dark(x, y) {
                d.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    Some((d, w + 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_draws_dark_modules_inside_the_quiet_zone() {
        let (d, size) = path_of("http://127.0.0.1:8080/#sec-1").unwrap();
        // 29 bytes at level M need version 3 (29 modules), plus 4 modules each side.
        assert_eq!(size, 37);
        // The top-left finder pattern starts at the quiet zone's corner.
        assert!(d.starts_with("M4 4h1v1h-1z"), "{}", &d[..20]);
    }
}
