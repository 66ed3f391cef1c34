//! Length and reading time: about 500 characters a minute for Chinese, words for
//! English (`article::reading_time`).

use article::{reading_time, Article};
use yew::prelude::*;

/// `全文约 2,345 字 · 阅读约 5 分钟` (or words for English).
pub fn reading_meta(a: &Article) -> Html {
    let rt = reading_time(a);
    let unit = if rt.words { "词" } else { "字" };
    html! {
        <p class="reading-meta">
            <span>{ format!("全文约 {} {unit}", group(rt.units)) }</span>
            <span>{ format!("阅读约 {} 分钟", rt.minutes) }</span>
        </p>
    }
}

/// `12345` → `12,345`.
fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(7), "7");
        assert_eq!(group(1921), "1,921");
        assert_eq!(group(1234567), "1,234,567");
    }
}
