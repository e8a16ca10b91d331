package org.articlekit.spark;

import java.time.LocalDate;

/** Web pages and posts written for these tests: Chinese, English and mixed, each a little different. */
final class TestPages {

    private static final String[] ZH = {
        "清晨的菜市场里，卖豆腐的阿姨总是第一个摆好摊位。",
        "我们在河边走了很久，直到路灯一盏一盏亮起来。",
        "这台旧收音机修好以后，声音比新的还要温和。",
        "图书馆三楼靠窗的位置，下午的阳光最舒服。",
        "雨停了，巷子里飘着桂花和湿石板的味道。",
    };
    private static final String[] EN = {
        "The night bus takes the long way round, past the bakery that opens at four.",
        "We measured the garden twice and still planted the beans too close together.",
        "Her bicycle has a bell that sounds like a small, polite alarm clock.",
        "The river was low enough that the old stepping stones showed again.",
        "Nobody remembers who first painted the bench by the station bright yellow.",
    };
    private static final String[] NAV = {"首页", "新闻", "关于我们", "Home", "Archive"};

    private TestPages() {
    }

    /** @return the address of page {@code i} */
    static String uri(int i) {
        String[] sites = {"https://news.example.org/", "https://www.blog.example.org/posts/", "https://site.example.org/"};
        return sites[i % sites.length] + (2026 - i % 2) + "/" + String.format("%02d", 1 + i % 12) + "/story-" + i
                + ".html";
    }

    /** @return a whole web page, with navigation around the article; every third has no date of its own */
    static String page(int i) {
        boolean chinese = i % 2 == 0;
        String title = chinese ? "第" + i + "篇：" + ZH[i % ZH.length].substring(0, 8) : "Story " + i + ": "
                + EN[i % EN.length].substring(0, 24);
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 4 + i % 5; p++) {
            String[] pool = (chinese ^ p % 3 == 2) ? ZH : EN;
            body.append("<p>").append(pool[(i + p) % pool.length]).append(' ').append(pool[(i + 2 * p + 1) % pool.length])
                    .append("</p>\n");
            if (p == 1) {
                body.append("<h2>").append(chinese ? "小节 " : "Part ").append(p).append("</h2>\n");
            }
        }
        String date = i % 3 == 0 ? "" : "<meta property=\"article:published_time\" content=\"2026-"
                + String.format("%02d", 1 + i % 12) + "-" + String.format("%02d", 1 + i % 27) + "T0" + i % 10
                + ":30:00+08:00\">\n";
        StringBuilder nav = new StringBuilder();
        for (String n : NAV) {
            nav.append("<li><a href=\"/").append(n.hashCode() & 0xff).append("\">").append(n).append("</a></li>");
        }
        return "<!DOCTYPE html>\n<html lang=\"" + (chinese ? "zh-CN" : "en") + "\"><head><meta charset=\"utf-8\">\n"
                + "<title>" + title + " - Example</title>\n" + date
                + "<meta name=\"author\" content=\"" + (chinese ? "王小明" : "Sam Field") + "\">\n"
                + "</head><body><header><ul>" + nav + "</ul></header>\n"
                + "<article><h1>" + title + "</h1>\n" + body
                + "<p><img src=\"/img/" + i + ".jpg\" alt=\"" + (chinese ? "图片" : "picture") + " " + i + "\"></p>\n"
                + "</article><footer><p>© Example " + (chinese ? "版权所有" : "All rights reserved") + "</p>"
                + "<div class=\"related\"><a href=\"/x\">相关推荐</a></div></footer></body></html>\n";
    }

    /** @return a Markdown post with Hexo front matter, dated {@code day}, with a picture beside it */
    static String post(int i, LocalDate day) {
        boolean chinese = i % 2 == 0;
        String title = chinese ? "随笔 " + i + "：" + ZH[i % ZH.length].substring(0, 6) : "Note " + i + " on "
                + EN[i % EN.length].substring(4, 20);
        return "---\ntitle: \"" + title + "\"\ndate: " + day + " 0" + i % 10 + ":15:00\nauthor: "
                + (chinese ? "李雷" : "Ann Lake") + "\ncategories:\n  - " + (chinese ? "生活" : "Life") + "\ntags: [walk]\n"
                + "---\n\n" + ZH[i % ZH.length] + "\n\n" + EN[(i + 1) % EN.length] + "\n\n![" + (chinese ? "小图" : "a dot")
                + "](dot.png)\n\n## " + (chinese ? "后记" : "Afterwards") + "\n\n- " + EN[(i + 3) % EN.length] + "\n- "
                + ZH[(i + 2) % ZH.length] + "\n";
    }
}
