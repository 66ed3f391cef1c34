//! Bytes to text: the page's encoding from its BOM, the caller's `--charset`, the
//! `<meta charset>` / `http-equiv` declaration, or the bytes themselves.
//!
//! Portal pages often declare one charset and hold another (a page saved as UTF-8
//! keeps its `gb2312` meta; a GBK page carries a template's `utf-8`). A declaration
//! the bytes contradict is overruled, with a warning: UTF-8 is checked exactly, and
//! GB18030 (the superset of GB2312 and GBK) is the fallback for Chinese pages.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// The text and how it was decoded.
pub(crate) struct Decoded {
    pub(crate) text: String,
    /// Something the caller should hear about (a declaration overruled, bad bytes).
    pub(crate) warnings: Vec<String>,
}

/// Why the bytes could not be decoded.
#[derive(Debug)]
pub(crate) struct UnknownCharset(pub(crate) String);

pub(crate) fn decode(bytes: &[u8], forced: Option<&str>) -> Result<Decoded, UnknownCharset> {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if bad {
            warnings.push(format!("bytes not valid in {} replaced", enc.name()));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            warnings,
        });
    }
    let forced = match forced {
        Some(label) => Some(
            Encoding::for_label(label.trim().as_bytes())
                .ok_or_else(|| UnknownCharset(label.to_owned()))?,
        ),
        None => None,
    };
    let declared = declared_charset(bytes).and_then(|l| Encoding::for_label(l.as_bytes()));
    let utf8_ok = std::str::from_utf8(bytes).is_ok();
    let enc = match (forced, declared) {
        (Some(f), _) => f,
        (None, Some(d)) if d == UTF_8 && !utf8_ok => {
            warnings.push("declares utf-8 but is not valid UTF-8: read as GB18030".to_owned());
            GB18030
        }
        (None, Some(d)) if d != UTF_8 && utf8_ok && !bytes.is_ascii() => {
            warnings.push(format!(
                "declares {} but is valid UTF-8: read as UTF-8",
                d.name()
            ));
            UTF_8
        }
        (None, Some(d)) => d,
        (None, None) if utf8_ok => UTF_8,
        (None, None) => GB18030,
    };
    // GB2312 and GBK pages routinely hold characters only GB18030 names.
    let enc = if enc == encoding_rs::GBK {
        GB18030
    } else {
        enc
    };
    let (text, _, bad) = enc.decode(bytes);
    if bad {
        warnings.push(format!("bytes not valid in {} replaced", enc.name()));
    }
    Ok(Decoded {
        text: text.into_owned(),
        warnings,
    })
}

/// The charset a `<meta>` in the first 4 KB declares (the HTML spec's prescan looks
/// at 1 KB; portal templates put long scripts first).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if len > 0 {
                    return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
                }
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_are_read_and_overruled_by_the_bytes() {
        let gbk = GB18030
            .encode("<meta charset=gb2312><p>中华人民共和国</p>")
            .0;
        let d = decode(&gbk, None).unwrap();
        assert!(d.text.contains("中华人民共和国"));
        assert!(d.warnings.is_empty());

        let lying = GB18030
            .encode("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><p>政务公开</p>")
            .0;
        let d = decode(&lying, None).unwrap();
        assert!(d.text.contains("政务公开"), "{}", d.text);
        assert_eq!(d.warnings.len(), 1);

        let saved = "<meta charset='GB2312'><p>国务院</p>".as_bytes();
        let d = decode(saved, None).unwrap();
        assert!(d.text.contains("国务院"));
        assert_eq!(d.warnings.len(), 1);

        let d = decode(&gbk, Some("gbk")).unwrap();
        assert!(d.text.contains("中华人民共和国"));
        assert!(decode(&gbk, Some("klingon")).is_err());

        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice("<meta charset=gbk>通知".as_bytes());
        assert!(decode(&bom, None).unwrap().text.ends_with("通知"));
    }
}
