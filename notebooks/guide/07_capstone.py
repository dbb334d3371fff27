# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 · 六个模型合在一起 · The six models together

# %% [markdown] tags=["lang-zh"]
# 前六篇各自搭了一个小模型：规则（01）、一个晚上（02）、排名与一票否决（03）、层层加码（04）、匹配与目标置换（05）、改革（06）。这一篇把它们接成一条链，看同一个默认情景在每一环给出什么，再把每一环对应到研究文献，最后问：整条链里哪一环最靠不住？
#
# **学习目标。** 读完这一篇，你能：（一）说出六个模型怎样一环扣一环，前一环的输出是后一环的输入；（二）对每一环，分清机制来自文章还是文献，数字来自文章还是我们的假设；（三）指出整条链上对结论影响最大的假设。
#
# **预备知识。** 第1–6篇。

# %% [markdown] tags=["lang-en"]
# The first six guides each built a small model: the rules (01), one night (02), rankings and the veto (03), escalation (04), fit and goal displacement (05), and reforms (06). This guide links them into one chain, reads what the same default scenario gives at each link, ties each link to the literature, and asks which link is the weakest.
#
# **Learning goals.** After this guide you can (1) say how the six models connect, each link's output feeding the next; (2) for each link, tell whether the mechanism comes from the article or the literature, and whether the number comes from the article or from our assumptions; (3) name the assumption that matters most along the whole chain.
#
# **Prerequisites.** Guides 01–06.

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

from fractions import Fraction

import pandas as pd

from explainer.teaching.guide import line_spec, show
from explainer.model.escalation import cascade
from explainer.model.fit import fit_result
from explainer.model.night import typical_night
from explainer.model.rules import least_seconds_for_credit
from explainer.model.unit import unit
from explainer.teaching.guide import localize_tables
from explainer.serving.offline import enable_offline_charts
from explainer.core.reforms import apply_reforms, reforms
from explainer.core.spec import format_clock, registry


def tr(zh: str, en: str) -> str:
    """按 LANG 选一种语言 · pick the text for LANG."""
    return zh if LANG == "zh" else en


enable_offline_charts()  # 图表脚本从本机读取，不连网 · chart JavaScript from disk, no network
localize_tables(LANG)  # 表格的列名随 LANG · table labels follow LANG
pd.set_option("display.max_colwidth", None)  # 表格里显示完整文字 · full text in tables
reg = registry()
s = reg.default()

# %% [markdown]
# ## 1. 机制 · The mechanism

# %% [markdown] tags=["lang-zh"]
# 文章描述的是一条链（seed §1–§4）：APP的积分和学时规则（“学够20学时”，seed §3）决定每晚要花多少时间；这些时间叠在加班和工作群之后，把就寝推到半夜（“半夜十二点后”，seed §1）；排名和一票否决让没有人敢少刷（“只能拼了老命刷分”，seed §3；“一票否决”，seed §4）；每一级再加一点（seed §4，“层层加码”）；而分数看见的只是一部分真工作，于是刷分挤掉了真工作。改革（seed §5 的建议与2019、2024、2026年的文件）各自切断链上的一环。

# %% [markdown] tags=["lang-en"]
# The article describes a chain (seed §1–§4): the apps' point and study-hour rules (seed §3, “学够20学时”) set the time each night takes; that time comes after overtime and the work chat and pushes bedtime past midnight (seed §1, “半夜十二点后”); rankings and the one-vote veto make nobody dare to farm less (seed §3, “只能拼了老命刷分”; seed §4, “一票否决”); each level adds a little (seed §4, “层层加码”); and the score sees only part of the real work, so farming crowds real work out. The reforms (the proposals of seed §5 and the documents of 2019, 2024 and 2026) each cut one link.

# %% [markdown]
# ## 2. 公式 · The equations
#
# $$\text{bedtime} = t_{\text{free}} + \sum_{i=1}^{n} m_i + m_{\text{quota}}, \qquad P(\text{veto}) = 1-(1-p)^{NK}, \qquad r^* \propto v + a w - \delta (1-a) w$$

# %% [markdown] tags=["lang-zh"]
# 第一式是第2篇的夜晚（有空的时刻加上每个APP和积分指标的分钟），第二式是第3篇的一票否决，第三式是第5篇预算不紧时真工作的内点解。第4篇把第一式里的分钟按层级放大，第6篇改动三式里的参数。

# %% [markdown] tags=["lang-en"]
# The first is guide 02's night (the time he is free plus each app's minutes and the quota's), the second guide 03's veto, the third guide 05's interior solution for real work while the budget is slack. Guide 04 scales the minutes of the first down the hierarchy; guide 06 changes the parameters of all three.

# %% [markdown]
# ## 3. 代码 · The code

# %%
night = typical_night(s)
u = unit(s)
fit = fit_result(s)
everything = unit(apply_reforms(s, list(reforms())).reformed)
chain = pd.DataFrame(
    [
        {
            "guide": "01",
            "link": tr("一个学时最少要学多久", "least time that earns a study hour"),
            "value": f"{least_seconds_for_credit(Fraction(1), 'ceil_half') / 60:.2f} "
            + tr("分钟", "min"),
            "mechanism": tr("文章", "article"),
            "number": tr("文章（省级APP的规则）", "article (the provincial app's rule)"),
        },
        {
            "guide": "02",
            "link": tr("默认一晚的APP时间与就寝", "the default night's app time and bedtime"),
            "value": f"{night.night_minutes:.0f} {tr('分钟', 'min')}, {format_clock(night.bedtime)}",
            "mechanism": tr("文章", "article"),
            "number": tr("文章与假设", "article and assumptions"),
        },
        {
            "guide": "03",
            "link": tr("单位一年被一票否决的概率", "chance the unit is vetoed in a year"),
            "value": f"{u.p_unit_veto:.1%}",
            "mechanism": tr("文章", "article"),
            "number": tr("假设（缺席概率）", "assumption (chance of a miss)"),
        },
        {
            "guide": "04",
            "link": tr("科室与省里要求之比", "section's night over the province's"),
            "value": f"{cascade(s)['ratio_to_top'].iloc[-1]:.2f}",
            "mechanism": tr("文章", "article"),
            "number": tr("假设（α、级数、每级APP）", "assumption (α, levels, apps per level)"),
        },
        {
            "guide": "05",
            "link": tr("分数与真工作的一致度", "alignment of the score with real work"),
            "value": f"{fit.alignment:.2f}",
            "mechanism": tr("文献（Goodhue、Holmström–Milgrom）", "literature (Goodhue; Holmström–Milgrom)"),
            "number": tr("假设", "assumption"),
        },
        {
            "guide": "06",
            "link": tr("全部改革后睡不够的人晚比例", "short nights with every reform"),
            "value": f"{everything.share_short_sleep:.0%} ({tr('现状', 'now')} {u.share_short_sleep:.0%})",
            "mechanism": tr("文件与文章", "documents and article"),
            "number": tr("假设（起床时间等）", "assumptions (wake-up time and more)"),
        },
    ]
).set_index("guide")
chain

# %% [markdown]
# ## 4. 图 · The chart

# %% [markdown] tags=["lang-zh"]
# 整条链上对“睡不够”影响最大的假设是起床时间（第2篇）。下图把它和改革放在一起：横轴是起床时间，两条线是现状和全部改革。

# %% [markdown] tags=["lang-en"]
# Along the whole chain, the assumption that matters most for short sleep is the wake-up time (guide 02). The chart sets it against the reforms: wake-up time across, the status quo and every reform as two lines.

# %%
rows = []
for wake in ("05:30", "06:00", "06:30", "07:00", "07:30"):
    base = reg.replace(s, wake_time=wake)
    for label, scenario in (
        (tr("现状", "status quo"), base),
        (tr("全部改革", "every reform"), apply_reforms(base, list(reforms())).reformed),
    ):
        rows.append({"wake": wake, "share": unit(scenario).share_short_sleep, "case": label})
show(
    line_spec(
        pd.DataFrame(rows),
        "wake",
        "share",
        color="case",
        chart_title=tr("睡不够7小时的人晚比例", "Share of person-nights under seven hours"),
        x_title=tr("起床时间（假设）", "wake-up time (assumption)"),
        y_title=tr("比例", "share"),
        caption=tr("其余取默认值。", "All else at defaults."),
        y_format=".0%",
    )
)

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the chart shows, and what it does not

# %% [markdown] tags=["lang-zh"]
# **说明了：** 起床时间改变睡不够的比例，幅度和全部改革相当；所以任何“多少人睡不够”的数字，都要和起床假设一起说。改革的效果在每个起床时间下方向相同。
#
# **没说明：** 链上的各环是分别校准的，没有一份数据同时观察到规则、夜晚、排名和真产出；各环之间的联系（比如排名让人刷到上限）来自文章的叙述，而不是测量。

# %% [markdown] tags=["lang-en"]
# **Shown:** the wake-up time moves the share of short nights by as much as every reform together; so any figure for how many sleep too little must be quoted with the wake-up assumption. The reforms act in the same direction at every wake-up time.
#
# **Not shown:** each link was calibrated on its own; no data set observes the rules, the night, the ranking and real output together; the links between them (a ranking driving everyone to the cap, say) come from the article's account, not from measurement.

# %% [markdown]
# ## 6. 与文献的对应 · Links to the literature

# %% [markdown] tags=["lang-zh"]
# - **规则（01）**：奖励的是时长，希望的是学习——Kerr（1975）；当指标变成目标——Campbell（1979）、Goodhart（1975）、Strathern（1997）。
# - **夜晚（02）**：睡眠不足的代价——Watson 等（2015）、Van Dongen 等（2003）。
# - **排名与否决（03）**：惩罚的选择性与威慑——Pearson 和 Mei（2014）；为免出错而守规则——Merton（1940）。
# - **层层加码（04）**：加码对执行衰减的抵消——李辉（2022）；数量层层加、时限层层提前——刘伟（2023）。
# - **匹配与目标置换（05）**：任务–技术匹配——Goodhue 和 Thompson（1995）；多任务激励——Holmström 和 Milgrom（1991）；目标置换——Merton（1940）。
# - **改革（06）**：2019年通知、2024年规定、国办函〔2026〕12号；政策组合的一致性——Mei（2020）。

# %% [markdown] tags=["lang-en"]
# - **Rules (01):** rewarding time while hoping for learning — Kerr (1975); when a measure becomes a target — Campbell (1979), Goodhart (1975), Strathern (1997).
# - **The night (02):** the cost of short sleep — Watson et al. (2015), Van Dongen et al. (2003).
# - **Ranking and veto (03):** the selectiveness of sanctions and deterrence — Pearson and Mei (2014); keeping rules to avoid blame — Merton (1940).
# - **Escalation (04):** add-ons offsetting implementation decay — Li Hui (2022); quantities added and deadlines advanced at each level — Liu Wei (2023).
# - **Fit and displacement (05):** task–technology fit — Goodhue and Thompson (1995); multitask incentives — Holmström and Milgrom (1991); goal displacement — Merton (1940).
# - **Reforms (06):** the 2019 notice, the 2024 rules, Guobanhan [2026] No. 12; consistency of policy mixes — Mei (2020).

# %% [markdown]
# ## 7. 练习 · Exercises

# %% [markdown] tags=["lang-zh"]
# 题目、提示和解答都在 `data/exercises.yaml` 里；提示和解答折叠着，需要时再点开。

# %% [markdown] tags=["lang-en"]
# The questions, hints and solutions live in `data/exercises.yaml`; hints and solutions stay collapsed until you open them.

# %%
from explainer.teaching.exercises import check, exercise, solution

# %% [markdown] tags=["lang-zh"]
# **练习 1

# %% [markdown] tags=["lang-en"]
# Exercise 1**

# %%
exercise("07_wake_and_reforms", LANG)

# %%
answer_1 = None  # 比例（零到一之间，或百分数） · a share between zero and one, or a percentage
check("07_wake_and_reforms", answer_1, LANG)

# %%
solution("07_wake_and_reforms", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 2

# %% [markdown] tags=["lang-en"]
# Exercise 2**

# %%
exercise("07_weakest_link", LANG)

# %%
solution("07_weakest_link", LANG)

# %% [markdown] tags=["lang-zh"]
# ## 小结
#
# 六个模型是一条链：规则定下时长，时长定下夜晚，排名和否决让人不敢少刷，层级把要求放大，而分数只看见一部分真工作。每一环的机制都有出处，但大多数数字是我们的假设；对结论影响最大的是起床时间和加码的参数。改革各自切断一环，没有一项能碰到加班和工作群。

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# The six models form a chain: rules set the time, the time sets the night, ranking and veto make farming less unsafe, the hierarchy scales the demands, and the score sees only part of the real work. Every link's mechanism has a source, but most numbers are our assumptions; the ones that matter most are the wake-up time and the escalation parameters. Each reform cuts one link; none reaches overtime or the work chat.

# %% [markdown]
# ## 8. 延伸阅读 · Further reading

# %% [markdown] tags=["lang-zh"]
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90.
# - Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia.
# - Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52.
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689
# - Pearson, M. M., & Mei, C. (2014). Killing a chicken to scare the monkeys? Deterrence failure and local defiance in China. *The China Journal*, 72, 75–97 (DOI not verified).
# - Mei, C. (2020). Policy style, consistency and the effectiveness of the policy mix in China's fight against COVID-19. *Policy and Society*, 39(3), 309–325. doi:10.1080/14494035.2020.1787627
# - Van Dongen, H. P. A., Maislin, G., Mullington, J. M., & Dinges, D. F. (2003). The cumulative cost of additional wakefulness. *Sleep*, 26(2), 117–126. https://academic.oup.com/sleep/article/26/2/117/2709164
# - Watson, N. F., et al. (2015). Recommended amount of sleep for a healthy adult. *Journal of Clinical Sleep Medicine*, 11(6), 591–592. doi:10.5664/jcsm.4758
# - 李辉（2022）.“层层加码”：反制科层组织执行衰减的一种策略.《中国行政管理》，2022年4月1日网络首发（卷期页码未能核实）。
# - 刘伟（2023）.乡镇政府政策执行压力：表现、根源与化解路径研究.《乡村论丛》2023年第4期（页码未能核实）。
# - 中共中央办公厅《关于解决形式主义突出问题为基层减负的通知》（2019年3月）；中办、国办《整治形式主义为基层减负若干规定》（2024年8月）；国务院办公厅《政务移动互联网应用程序规范化管理办法》（国办函〔2026〕12号，2026年1月）（第6篇）。
#
# 上一篇：[06 · 改革](06_reforms.ipynb) · 目录：[README](README.md)

# %% [markdown] tags=["lang-en"]
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90.
# - Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia.
# - Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52.
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689
# - Pearson, M. M., & Mei, C. (2014). Killing a chicken to scare the monkeys? Deterrence failure and local defiance in China. *The China Journal*, 72, 75–97 (DOI not verified).
# - Mei, C. (2020). Policy style, consistency and the effectiveness of the policy mix in China's fight against COVID-19. *Policy and Society*, 39(3), 309–325. doi:10.1080/14494035.2020.1787627
# - Van Dongen, H. P. A., Maislin, G., Mullington, J. M., & Dinges, D. F. (2003). The cumulative cost of additional wakefulness. *Sleep*, 26(2), 117–126. https://academic.oup.com/sleep/article/26/2/117/2709164
# - Watson, N. F., et al. (2015). Recommended amount of sleep for a healthy adult. *Journal of Clinical Sleep Medicine*, 11(6), 591–592. doi:10.5664/jcsm.4758
# - Li Hui (2022), *Chinese Public Administration*, online first 1 April 2022 (issue and pages not verified).
# - Liu Wei (2023), *Xiangcun Luncong* 2023 (4) (pages not verified).
# - The 2019 notice, the 2024 rules and Guobanhan [2026] No. 12 (guide 06).
#
# Previous: [06 · Reforms](06_reforms.ipynb) · Index: [README](README.md)
