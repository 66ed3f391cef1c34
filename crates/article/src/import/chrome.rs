//! Page chrome: the lines of a portal's frame (print and close links, share rows,
//! font-size switches, site footers) that are dropped wherever they appear.

/// Whole lines that are a control of the page, not text: a language or version
/// switch, a lone button.
const CONTROLS: [&str; 32] = [
    "EN",
    "我要反馈",
    "意见反馈",
    "English",
    "\u{7e41}",
    "\u{7b80}",
    "\u{7e41}\u{4f53}",
    "\u{7b80}\u{4f53}",
    "\u{7e41}\u{9ad4}",
    "打印",
    "关闭",
    "收藏",
    "分享",
    "举报",
    "点赞",
    "在看",
    "登录",
    "注册",
    "搜索",
    "无障碍",
    "长者模式",
    "关怀版",
    "手机版",
    "老年人模式",
    "退出老年人模式",
    "进入老年人模式",
    "退出长者模式",
    "返回",
    "返回首页",
    "Top",
    "TOP",
    "\u{3010}收藏\u{3011}",
];

/// Lines that belong to the page frame, not the article. The HTML importer asks the
/// same question of its paragraphs ([`crate::is_chrome_line`]), so that both agree.
pub(crate) fn is_chrome(line: &str) -> bool {
    if CONTROLS.contains(&line) || is_menu_row(line) {
        return true;
    }
    const STARTS: [&str; 34] = [
        "热门搜索",
        "热搜词",
        "热搜\u{ff1a}",
        "退出老年人模式",
        "扫描二维码",
        "手机扫码",
        "\u{a9}",
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
    const CONTAINS: [&str; 8] = [
        "ICP备",
        "网站标识码",
        "公网安备",
        "版权所有",
        "Copyright \u{a9}",
        "Copyright&copy;",
        "技术支持\u{ff1a}",
        "ICP证",
    ];
    let short = line.len() < 150;
    (short
        && (STARTS.iter().any(|c| line.starts_with(c))
            || CONTAINS.iter().any(|c| line.contains(c))))
        || is_button_row(line)
}

/// A menu: four or more short items between `|` (`首页 | 新闻 | 政务公开 | 办事服务`).
fn is_menu_row(line: &str) -> bool {
    if line.len() > 200 || !line.contains(['|', '\u{ff5c}']) {
        return false;
    }
    let items: Vec<&str> = line
        .split(['|', '\u{ff5c}'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    items.len() >= 4
        && items.iter().all(|i| {
            i.chars().count() <= 8 && !i.contains(['\u{3002}', '\u{ff0c}', ',', ':', '\u{ff1a}'])
        })
}

/// A row of share and print buttons: `微信 微博 QQ空间 | 打印 | 关闭`.
fn is_button_row(line: &str) -> bool {
    const BUTTONS: [&str; 28] = [
        "qq",
        "Qzone",
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
        assert!(is_chrome("EN"));
        assert!(is_chrome("退出老年人模式"));
        assert!(is_chrome("收藏"));
        assert!(is_chrome(
            "首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流"
        ));
        assert!(is_chrome("版权所有：某某市人民政府办公室"));
        assert!(!is_chrome("来源：新华社 | 作者：张三"));
        assert!(!is_chrome(
            "English teaching in rural schools is changing fast."
        ));
    }
}
