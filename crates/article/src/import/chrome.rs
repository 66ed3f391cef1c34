//! Page chrome: the lines of a portal's frame (print and close links, share rows,
//! font-size switches, site footers) that are dropped wherever they appear.

/// Lines that belong to the page frame, not the article.
pub(super) fn is_chrome(line: &str) -> bool {
    const STARTS: [&str; 27] = [
        "打印本页",
        "关闭窗口",
        "返回顶部",
        "\u{3010}打印\u{3011}",
        "\u{3010}关闭\u{3011}",
        "[打印",
        "[关闭",
        "\u{3010}字体",
        "\u{3010}字号",
        "\u{3010}纠错\u{3011}",
        "\u{3010}我要纠错\u{3011}",
        "字号",
        "字体:",
        "字体\u{ff1a}",
        "分享到",
        "分享:",
        "分享\u{ff1a}",
        "扫一扫",
        "上一篇",
        "下一篇",
        "主办单位",
        "承办单位",
        "Share this",
        "Share:",
        "Print",
        "Back to top",
        "Font size",
    ];
    const CONTAINS: [&str; 3] = ["ICP备", "网站标识码", "公网安备"];
    let short = line.len() < 150;
    (short
        && (STARTS.iter().any(|c| line.starts_with(c))
            || CONTAINS.iter().any(|c| line.contains(c))))
        || is_button_row(line)
}

/// A row of share and print buttons: `微信 微博 QQ空间 | 打印 | 关闭`.
fn is_button_row(line: &str) -> bool {
    const BUTTONS: [&str; 26] = [
        "微信",
        "微博",
        "新浪微博",
        "腾讯微博",
        "QQ",
        "QQ空间",
        "朋友圈",
        "豆瓣",
        "人人网",
        "复制链接",
        "分享",
        "打印",
        "关闭",
        "收藏",
        "纠错",
        "大",
        "中",
        "小",
        "默认",
        "A+",
        "A-",
        "Facebook",
        "Twitter",
        "LinkedIn",
        "WeChat",
        "Weibo",
    ];
    if line.len() > 120 {
        return false;
    }
    let mut n = 0;
    for token in line.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '|' | '\u{ff5c}' | '\u{4e28}' | '[' | ']' | '\u{3010}' | '\u{3011}' | '/'
            )
    }) {
        if token.is_empty() {
            continue;
        }
        if !BUTTONS.contains(&token) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_rows_are_chrome() {
        assert!(is_chrome("微信 微博 QQ空间"));
        assert!(is_chrome("【打印】【关闭】"));
        assert!(is_chrome("字号:大 中 小"));
        assert!(!is_chrome("微信支付普及率持续提高"));
    }
}
