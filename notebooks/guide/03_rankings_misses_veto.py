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
# # 03 · 排名、缺勤与一票否决 · Rankings, missed visits and the one-vote veto

# %% [markdown] tags=["lang-zh"]
# 第2篇只看一个人的一个晚上。考核却是对一群人、在一段时间里做出的。这一篇看三条把个人的时间变成惩罚的规则：积分排名、连续缺勤、一票否决。
#
# 每个文字单元都标明了语言：笔记里中英文都有，静态网页分成中文版和英文版。想看英文图表，把 `LANG` 改成 `"en"` 再从头运行。

# %% [markdown] tags=["lang-en"]
# Guide 02 looked at one person on one night. Assessment, though, judges a group over a period. This guide takes three rules that turn a person's time into a penalty: a points ranking, consecutive missed visits, and the one-vote veto.
#
# Each text cell is tagged with its language: the notebook holds both, and the static pages come as a Chinese and an English site. For English charts set `LANG` to `"en"` and run everything again.

# %% [markdown] tags=["lang-zh"]
# **学习目标。** 读完这一篇，你能：（一）说明为什么排名让人人刷到上限，而垫底靠运气；（二）算出“3次以上”两种读法下连续缺勤被抓的概率，并解释二者为何差很多倍；（三）用 $1-(1-p)^{NK}$ 说明一票否决怎样把个人的小风险放大成单位的大风险。
#
# **预备知识。** 第2篇（一个晚上）；概率的补集和独立事件。

# %% [markdown] tags=["lang-en"]
# **Learning goals.** After this guide you can (1) explain why a ranking drives everyone to the cap while the bottom place is a lottery; (2) compute the chance of a run of misses under both readings of “3次以上” and explain why they differ many times over; (3) use $1-(1-p)^{NK}$ to show how the one-vote veto turns a small personal risk into a large one for the unit.
#
# **Prerequisites.** Guide 02 (one night); complements and independent events in probability.

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

import pandas as pd

from explainer.charts.unit import bedtime_spec, risk_spec, veto_spec
from explainer.teaching.guide import assumption_table, line_spec, show, sweep
from explainer.model import penalties
from explainer.model.unit import unit
from explainer.teaching.guide import localize_tables
from explainer.serving.offline import enable_offline_charts
from explainer.core.spec import registry


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
# **排名。** 上海某区的上级给一个APP定了每日积分额，并按积分给员工排名；排在最后的普通科员要写检查，甚至在系统里被通报（seed §3，“排名中垫底”）。山东一位公务员补充说，即便不扣钱，谁也不愿意当倒数第一，只好拼命刷（seed §3，“谁好意思当倒数”）。排名的特点是：总有人垫底。如果人人都刷到“防刷”上限，分数全部相同，谁垫底就只剩运气。
#
# **连续缺勤。** 山东某地级市的一个区要求包村干部每周至少到村两次（seed §4，“每周至少到村联系2次”），该区的例子到评分为止。惩罚机制是接下来一位不愿透露姓名的公务员讲的，说的是“下社区”干部：连续三次以上没按要求到位即不达标，取消年终评先资格（seed §4，“连续3次以上”）。文章没有说这是那个区的规定；这里把两者放在一起只是为了演示。中文法律文书中“以上”包括本数（《刑法》第九十九条、《民法典》第一千二百五十九条），所以默认读作“≥3”；日常用语有时不含本数，另一种读法留作选项——这一处歧义在下面会变成一个很大的数字差别。
#
# **一票否决。** 还是那位公务员：个人有一项考评不合格，会“直接影响甚至取消”单位的“文明单位”评选，连带全体人员的“文明奖”（seed §4，“一票否决”）。“影响甚至取消”是可能，不是必然：模型里每个不合格的人以概率 `p_veto_cancels`（假设0.5）让单位失去评选。

# %% [markdown] tags=["lang-en"]
# **Ranking.** In a Shanghai district, a higher level set a daily points quota in an app and ranked staff by their points; the clerk at the bottom had to write a self-criticism or was even named in the system (seed §3, “排名中垫底”). A Shandong official adds that even without fines nobody wants to be last, so everyone farms as hard as they can (seed §3, “谁好意思当倒数”). A ranking always has a bottom. If everyone farms up to the anti-farming cap, all scores are equal and who ends up last is down to chance.
#
# **Runs of misses.** A district of a Shandong prefecture city requires village-posted officials to visit at least twice a week (seed §4, “每周至少到村联系2次”); the district's example ends with its scoring. The penalties come next, from an official who did not want to be named, speaking of cadres sent down to communities: three or more consecutive failures to turn up fail the official and cost the year-end eligibility for awards (seed §4, “连续3次以上”). The article does not say this is the district's rule; the two are combined here only for illustration. In Chinese legal drafting “以上” includes the number itself (Criminal Law art. 99, Civil Code art. 1259), so the default reading is “three or more”; everyday usage sometimes excludes it, and that reading stays as the other setting — below, the ambiguity becomes a large difference.
#
# **One-vote veto.** The same official: one person failing one assessed item “directly affects or even cancels” the unit's “civilised unit” award, and with it every member's bonus (seed §4, “一票否决”). “Affects or even cancels” is a chance, not a certainty: in the model each failing person costs the unit its award with probability `p_veto_cancels` (assumed 0.5).

# %% [markdown]
# ## 2. 公式 · The equations

# %% [markdown] tags=["lang-zh"]
# **排名**（$N$ 人，最后 $k$ 名受罚，分数相同、名次随机）：每期受罚的概率与努力无关，$D$ 期里至少受罚一次的概率为

# %% [markdown] tags=["lang-en"]
# **Ranking** ($N$ staff, the last $k$ penalised, equal scores, order by chance): the chance per period does not depend on effort; over $D$ periods the chance of at least one penalty is

# %% [markdown]
# $$p_{\text{rank}} = \frac{k}{N}, \qquad P_D = 1 - \Big(1 - \frac{k}{N}\Big)^{D}.$$

# %% [markdown] tags=["lang-zh"]
# **达标线**（对照）：某晚要到硬性截止时刻 $t_{\text{stop}}$ 之后才能刷完，就算这晚没完成；一期里没完成的晚上达到 $m$ 个就受罚。
#
# **连续缺勤**（$n$ 次走访，每次独立地以概率 $q$ 缺席）：用马尔可夫链记录“当前连续缺席了几次”，状态 $j = 0, \dots, R-1$，到达 $R$ 即触发规则；含3次的读法 $R = 3$，不含的读法 $R = 4$。

# %% [markdown] tags=["lang-en"]
# **Threshold** (for comparison): a night is missed when the apps would run past a hard stop $t_{\text{stop}}$; a period is failed with $m$ or more missed nights.
#
# **Runs of misses** ($n$ visits, each missed independently with probability $q$): a Markov chain tracks the current streak $j = 0, \dots, R-1$; reaching $R$ triggers the rule. Reading “3以上” as “three or more” gives $R = 3$; as “more than three”, $R = 4$.

# %% [markdown]
# $$\pi_{t+1}(0) = (1-q)\sum_{j<R} \pi_t(j), \qquad \pi_{t+1}(j) = q\,\pi_t(j-1) \;\; (1 \le j < R), \qquad P_{\text{run}} = \sum_{t} q\,\pi_t(R-1).$$

# %% [markdown] tags=["lang-zh"]
# **一票否决**（$N$ 人，每人 $K$ 个否决项，每项独立地以 $p$ 不合格）：

# %% [markdown] tags=["lang-en"]
# **One-vote veto** ($N$ people, $K$ vetoed items each, each failed independently with probability $p$):

# %% [markdown]
# $$P_{\text{unit}} = 1 - \prod_{i=1}^{N} (1 - p_i) = 1 - (1 - p)^{N K}.$$

# %% [markdown]
# ## 3. 用模型来算 · Computing with the model

# %% [markdown] tags=["lang-zh"]
# `penalties` 模块里是几条纯函数；`unit(s)` 把它们和第2篇的一晚、一个单位一年的模拟合在一起。

# %% [markdown] tags=["lang-en"]
# The `penalties` module holds the pure functions; `unit(s)` combines them with guide 02's night and a year's simulation of a whole unit.

# %%
p_rank = penalties.ranking_penalty_probability(s.n_staff, s.k_bottom)
print(tr(f"排名：每期受罚概率 {p_rank:.1%}，一年 {penalties.penalty_over_periods(p_rank, 12):.1%}",
         f"Ranking: {p_rank:.1%} a period, {penalties.penalty_over_periods(p_rank, 12):.1%} a year"))

for reading in ("at_least", "more_than"):
    print(reading, "→", tr("触发规则的连续次数", "run length that triggers the rule"),
          penalties.runs_rule_length(s.run_threshold, reading))

# %%
u = unit(s)
pd.DataFrame(
    {
        "rule": ["ranking", "threshold"],
        "night_minutes": [u.ranking.night.night_minutes, u.threshold.night.night_minutes],
        "p_penalty_period": [u.ranking.p_penalty_period, u.threshold.p_penalty_period],
        "p_penalty_year": [u.ranking.p_penalty_year, u.threshold.p_penalty_year],
        "share_short_sleep": [
            u.ranking.population.share_short_sleep,
            u.threshold.population.share_short_sleep,
        ],
    }
)

# %%
pd.DataFrame(
    [
        {"reading": v.reading, "run_length": v.run_length, "p_unit_veto": v.p_unit_veto}
        for v in u.vetoes.values()
    ]
)

# %% [markdown]
# ## 4. 图 · The charts

# %%
show(risk_spec(u, LANG))

# %%
show(veto_spec(u, LANG))

# %%
show(bedtime_spec(u, LANG))

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the charts show, and what they do not

# %% [markdown] tags=["lang-zh"]
# **说明了：**
# - 排名下，受罚的概率就是 $k/N$，多刷也降不下来；但人人都刷到上限，所以每晚更长。排名罚的不是懒，而是运气；它换来的是全体多熬的时间。
# - 在我们假设的截止时刻下，“达标线”反而让个人更常受罚：只要回家晚、刷不完，就算缺一晚。哪种规则“更严”，取决于截止时刻等假设（第6节）。
# - 一票否决把很小的个人风险放大成单位的大风险：人越多、否决项越多，单位几乎注定出事。
#
# **没说明：**
# - 这些都假设各人、各次之间相互独立。现实中缺勤往往扎堆：同一个忙月、同一场汛期，大家一起缺。人与人之间正相关时，“至少一人出事”的概率会**低于**独立时的公式；但一个人自己的缺席如果前后相关（比如一连几周出差），连续缺勤反而比公式**更常见**。
# - 受罚以后会发生什么（写检查、通报、丢奖金）有多重，模型没有衡量；“面子”的代价（seed §3，“大家都要面子”）也没有。
# - 人们会想办法应对：请同事代打卡（seed §4，“让在附近的同事代打”）、用插件刷分（seed §3，“插件”）。模型里这些只出现在第5篇的“作弊分” $g$ 里。

# %% [markdown] tags=["lang-en"]
# **Shown:**
# - Under a ranking the chance of a penalty is just $k/N$: farming more cannot lower it. But everyone farms to the cap, so every night is longer. A ranking punishes luck, not idleness, and buys that with everyone's lost sleep.
# - With our assumed hard stop, the threshold rule penalises a person *more* often: coming home late and not finishing counts as a missed night. Which rule is “harsher” depends on assumptions such as the hard stop (section 6).
# - The one-vote veto magnifies a small personal risk into a large one for the unit: with more people and more vetoed items, the unit is almost bound to fail.
#
# **Not shown:**
# - All of this assumes independence between people and between visits. Real misses cluster: the same busy month, the same flood season. When people's failures go together, the chance that *at least one* fails is **lower** than the independent formula says; but when one person's misses go together (weeks of travel), runs of misses are **more** common than the formula says.
# - How heavy the penalty is (a self-criticism, being named, a lost bonus) is not measured, nor is the cost of losing face (seed §3, “大家都要面子”).
# - People adapt: a colleague checks in for them (seed §4, “让在附近的同事代打”), plug-ins farm the points (seed §3, “插件”). The model has these only as the gaming score $g$ of guide 05.

# %% [markdown]
# ## 6. 文章不支持的假设 · Assumptions the article does not support

# %%
assumption_table(
    [
        "n_staff",
        "q_miss_visit",
        "run_reading",
        "p_veto_cancels",
        "k_veto_items",
        "p_item_fail",
        "hard_stop",
        "misses_to_fail",
        "period_days",
        "free_sd_person_min",
        "free_sd_night_min",
        "speed_sd",
    ],
    LANG,
)

# %% [markdown] tags=["lang-zh"]
# - **每次走访缺席的概率 $q$（假设，5%；1–20%）和“3次以上”的读法。** 下图把 $q$ 从1%调到20%，两种读法各一条线。$q$ 很小时两种读法差不多——单位的风险主要来自其他否决项；$q$ 在5%–10%之间时，读法的差别最大。
# - **单位人数（假设，30人；5–200人）**、**否决项数（假设，3项；1–17项，新华社2019年报道过一位县级干部面对17项）**、**每项不合格概率（假设，1%；0.1–5%）**：见上面的否决曲线，人数一多，曲线很快贴近100%。
# - **硬性截止时刻（假设，01:00；00:00–02:00）与“一期缺几晚算不合格”（假设，3晚；1–5晚）。** 下面的表显示，达标线下的受罚概率对截止时刻极其敏感：截止时刻从零点推到两点，每期受罚从几乎必然降到很少见。所以“达标线比排名更常罚人”在多大程度上成立，主要取决于这个假设。
# - **晚上早晚与快慢的差别**（`free_sd_person_min`、`speed_sd` 是假设）。`free_sd_night_min` 虽然标着出自文章（“九十点钟很正常”），但45分钟这个数是我们定的。

# %% [markdown] tags=["lang-en"]
# - **The chance $q$ of missing a visit (assumption, 5%; 1–20%) and the reading of “3以上”.** The chart below moves $q$ from 1% to 20%, one line per reading. For small $q$ the readings hardly differ — the unit's risk then comes from the other vetoed items; between 5% and 10% the reading matters most.
# - **Staff (assumption, 30; 5–200)**, **vetoed items (assumption, 3; 1–17 — Xinhua reported in 2019 a county cadre facing 17)**, **chance of failing an item (assumption, 1%; 0.1–5%)**: see the veto curves above; with more staff the curve soon nears 100%.
# - **The hard stop (assumption, 01:00; 00:00–02:00) and the misses that fail a period (assumption, 3 nights; 1–5).** The table shows that the threshold rule's penalty risk is extremely sensitive to the hard stop: moving it from midnight to two o'clock takes a period's penalty from near-certain to rare. How far “the threshold penalises more often than the ranking” holds rests mainly on this assumption.
# - **Spread between people and nights** (`free_sd_person_min` and `speed_sd` are assumptions). `free_sd_night_min` is labelled as from the article (“nine or ten is normal”), but the 45 minutes are ours.

# %%
rows = []
for q in (0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.15, 0.2):
    vetoes = unit(reg.replace(s, q_miss_visit=q)).vetoes
    for reading, v in vetoes.items():
        rows.append(
            {
                "q": q,
                "p_unit_veto": v.p_unit_veto,
                "reading": tr("含3次（≥3）", "three or more (≥3)")
                if reading == "at_least"
                else tr("不含3次（>3）", "more than three (>3)"),
            }
        )
show(
    line_spec(
        pd.DataFrame(rows),
        "q",
        "p_unit_veto",
        color="reading",
        y_format=".0%",
        chart_title=tr("单位被一票否决的概率：取决于缺席率和读法", "Chance the unit is vetoed: miss rate and reading"),
        x_title=tr("每次走访缺席的概率 q", "chance of missing a visit, q"),
        y_title=tr("单位一年内被否决的概率", "chance the unit is vetoed in a year"),
        caption=tr(
            f"{s.n_staff} 人，每人 {s.k_veto_items} 个否决项；其余项每项 {s.p_item_fail:.0%} 不合格。",
            f"{s.n_staff} staff, {s.k_veto_items} vetoed items each; each other item failed with "
            f"{s.p_item_fail:.0%}.",
        ),
    )
)

# %%
sweep(
    s,
    "hard_stop",
    ["00:00", "00:30", "01:00", "01:30", "02:00"],
    {
        "p_miss_night": lambda x: unit(x).threshold.population.p_miss_night,
        "p_penalty_threshold": lambda x: unit(x).threshold.p_penalty_period,
        "p_penalty_ranking": lambda x: unit(x).ranking.p_penalty_period,
    },
).round(3)

# %% [markdown]
# ## 7. 练习 · Exercises

# %% [markdown] tags=["lang-zh"]
# 题目、提示和解答都在 `data/exercises.yaml` 里，答案由模型现算。先自己做：把 `None` 换成你的答案再运行，`check` 只说对不对并给一条提示；提示和解答都折叠着，需要时再点开。开放题没有自动判分，参考答案同样折叠着，教师用书（`docs/teachers_key.md`）里有全部参考答案。

# %% [markdown] tags=["lang-en"]
# The questions, hints and solutions live in `data/exercises.yaml`, and the answers are computed from the model. Work first: replace `None` with your answer and run the cell; `check` says only whether it is right, with one hint. Hints and solutions stay collapsed until you open them. Open questions have no automatic check; their model answers are collapsed too, and all of them are in the teacher's key (`docs/teachers_key.md`).

# %%
from explainer.teaching.exercises import check, exercise, solution

# %% [markdown] tags=["lang-zh"]
# **练习 1

# %% [markdown] tags=["lang-en"]
# Exercise 1**

# %%
exercise("03_veto_fifty", LANG)

# %%
answer_1 = None  # 比例（零到一之间，或百分数） · a share between zero and one
check("03_veto_fifty", answer_1, LANG)

# %%
solution("03_veto_fifty", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 2

# %% [markdown] tags=["lang-en"]
# Exercise 2**

# %%
exercise("03_reading_ratio", LANG)

# %%
answer_2 = None  # 倍 · times
check("03_reading_ratio", answer_2, LANG)

# %%
solution("03_reading_ratio", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 3

# %% [markdown] tags=["lang-en"]
# Exercise 3**

# %%
exercise("03_rule_unambiguous", LANG)

# %%
solution("03_rule_unambiguous", LANG)

# %% [markdown] tags=["lang-zh"]
# ## 小结
#
# **小结。** 排名让人人刷到上限，垫底的人由运气决定；“3次以上”的两种读法让同一个人被抓的概率差了许多倍——规则写得含糊，本身就是风险；一票否决把个人百分之一的风险放大成单位的大概率事件，所以单位会层层加压。

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# **Summary.** A ranking drives everyone to the cap and leaves the bottom place to luck; the two readings of “3次以上” put the same person's risk many times apart — an ambiguous rule is a risk in itself; and the one-vote veto turns a one-per-cent personal risk into a likely event for the unit, so units pass the pressure down.

# %% [markdown]
# ## 8. 延伸阅读 · Further reading

# %% [markdown] tags=["lang-zh"]
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783. ——排名奖励的是“不垫底”，希望的却是学习和工作。
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90; Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. ——为了不出错而守规则，规则本身成了目的。
# - Pearson, M. M., & Mei, C. (2014). Killing a chicken to scare the monkeys? Deterrence failure and local defiance in China. *The China Journal*, 72, 75–97 (DOI not verified). ——惩罚的选择性、严厉程度和可撤回性如何影响威慑。
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52; Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. （第5篇详谈）
# - 早于文章：中共中央办公厅《关于解决形式主义突出问题为基层减负的通知》（2019年3月）：严格控制“一票否决”事项（此条只见于二手概述）——文章写于一年多以后，一票否决仍在运作。晚于文章：中央网信委《关于防治“指尖上的形式主义”的若干意见》（2023年）；中办、国办《整治形式主义为基层减负若干规定》（2024年）；国办函〔2026〕12号第六条：不设打卡签到、积分排名等强制性功能（第6篇）。
#
# 上一篇：[02 · 一个晚上](02_one_night.ipynb) · 下一篇：[04 · 层层加码](04_escalation.ipynb)

# %% [markdown] tags=["lang-en"]
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783. — A ranking rewards not being last while hoping for learning and work.
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90; Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. — Rules kept to avoid blame become ends in themselves.
# - Pearson, M. M., & Mei, C. (2014). Killing a chicken to scare the monkeys? Deterrence failure and local defiance in China. *The China Journal*, 72, 75–97 (DOI not verified). — How the selectiveness, severity and retractability of sanctions shape deterrence.
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52; Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. (see guide 05)
# - Before the article: the 2019 notice (strictly limit one-vote vetoes; that clause seen only in secondary summaries) — the article, over a year later, shows the veto still at work. After it: the CAC opinions on fingertip formalism (2023); the 2024 rules; Guobanhan [2026] No. 12, art. 6 (no compulsory check-in or points-ranking features) — guide 06.
#
# Previous: [02 · One night](02_one_night.ipynb) · Next: [04 · Escalation](04_escalation.ipynb)
