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
# # 04 · 层层加码 · Escalation, level by level

# %% [markdown] tags=["lang-zh"]
# 前三篇看的是落到最基层的规则。这些规则并不是最基层自己定的：从省到科室，每一级都可能在上级的要求上再加一点。这一篇看“加一点”叠起来有多少。
#
# 每个文字单元都标明了语言：笔记里中英文都有，静态网页分成中文版和英文版。想看英文图表，把 `LANG` 改成 `"en"` 再从头运行。

# %% [markdown] tags=["lang-en"]
# The first three guides took the rules as they reach the bottom. The bottom did not set them: from the province down to the section, each level may add a little to what it was asked. This guide adds up the littles.
#
# Each text cell is tagged with its language: the notebook holds both, and the static pages come as a Chinese and an English site. For English charts set `LANG` to `"en"` and run everything again.

# %% [markdown] tags=["lang-zh"]
# **学习目标。** 读完这一篇，你能：（一）用 $(1+\alpha)^{L-1}$ 写出指标的层层放大，并说明为什么每晚的分钟数不照这个公式增长；（二）把加码分成指标放大和APP堆叠两部分；（三）说出模型把层级当成一条链时漏掉了什么。
#
# **预备知识。** 第1、2篇；指数增长。

# %% [markdown] tags=["lang-en"]
# **Learning goals.** After this guide you can (1) write the quota's growth down the hierarchy as $(1+\alpha)^{L-1}$ and explain why nightly minutes do not follow it; (2) split the escalation into the inflated quota and stacked apps; (3) say what the model leaves out by treating the hierarchy as a chain.
#
# **Prerequisites.** Guides 01 and 02; exponential growth.

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

import pandas as pd

from explainer.charts.unit import cascade_spec
from explainer.teaching.guide import assumption_table, line_spec, show
from explainer.model.escalation import cascade
from explainer.model.unit import unit
from explainer.teaching.guide import localize_tables
from explainer.serving.offline import enable_offline_charts
from explainer.core.presets import presets
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
# 北京大学的白智立给出形式主义加重的三个原因：内部规制变严，公务员为自保而做表面文章；上级偏好形式上的表现，下级去迎合；以及自上而下层层施压、层层加码，越到基层越重（seed §5，“层层加码”）。模型只写了第三条。
#
# 加码有两种形式。一是**要求变多**：同一个学习或积分任务，每往下一级都被提高一点、期限提前一点（文章没给幅度；刘伟2023年的研究描述过“数量层层加、时限层层提前”）。二是**APP变多**：一个单位一个APP还不够，科室也要自己做一个（seed §2，“一个科室搞一个”）；市里各部门有、县里也有（seed §2，“县里也有APP”）。每一级的APP都要下面的人装、每天点。
#
# 文中那个区的公务员还说，从全市乃至全省看，他们区的学时要求“绝不算高”（seed §3，“绝不算高”）。这提醒我们：各地加码的幅度并不一样，而模型里只有一个统一的 $\alpha$。

# %% [markdown] tags=["lang-en"]
# Bai Zhili of Peking University gives three reasons for worsening formalism: stricter internal rules, so officials protect themselves with paperwork; superiors who like the look of things, so subordinates play to it; and pressure applied and added to at every level on the way down, worst at the bottom (seed §5, “层层加码”). The model captures only the third.
#
# The add-ons come in two forms. **Bigger requirements:** the same study or points task is raised a little and its deadline brought forward a little at each level down (the article gives no rates; Liu Wei, 2023, describes quantities added and deadlines advanced level by level). **More apps:** one app per unit is not enough, a section builds its own (seed §2, “一个科室搞一个”); city departments have them, and so does the county (seed §2, “县里也有APP”). Every level's app must be installed and tapped daily by those below.
#
# The district official also remarks that, seen across the city and the province, his district's study-hour requirement is “by no means high” (seed §3, “绝不算高”). A reminder that add-ons differ from place to place, while the model has one common $\alpha$.

# %% [markdown]
# ## 2. 公式 · The equations

# %% [markdown] tags=["lang-zh"]
# 设共有 $L$ 级，$\ell = 0$ 是最上面一级。每往下一级，要求乘以 $(1+\alpha)$，期限提前 $\Delta$ 天，再多出 $a$ 个APP：

# %% [markdown] tags=["lang-en"]
# With $L$ levels, $\ell = 0$ at the top, each level down multiplies the requirement by $(1+\alpha)$, brings the deadline forward by $\Delta$ days and adds $a$ apps:

# %% [markdown]
# $$R_\ell = R_0\,(1+\alpha)^{\ell}, \qquad D_\ell = D_0 - \ell\,\Delta, \qquad A_\ell = A_0 + \ell\,a .$$

# %% [markdown] tags=["lang-zh"]
# 文章给出的是最基层实际面对的数（8个APP、每晚约一小时），所以模型**倒着推**：最上面一级原本只要求 $R_{L-1}/(1+\alpha)^{L-1}$（积分向上取整）、期限晚 $(L-1)\Delta$ 天、APP少 $(L-1)a$ 个。每一级的负担都用第2篇的一晚模型来算，于是“上面要的”和“下面做的”可以直接比：

# %% [markdown] tags=["lang-en"]
# The article reports what reached the bottom (8 apps, about an hour a night), so the model works **backwards**: the top asked for only $R_{L-1}/(1+\alpha)^{L-1}$ (points rounded up), with a deadline $(L-1)\Delta$ days later and $(L-1)a$ fewer apps. Each level's burden is guide 02's night model run on what that level asked, so what the top asked and what the bottom does compare directly:

# %% [markdown]
# $$\text{ratio} = \frac{M(\text{section})}{M(\text{top})}.$$

# %% [markdown]
# ## 3. 用模型来算 · Computing with the model

# %%
levels = cascade(s)
levels

# %%
u = unit(s)
print(
    tr(
        f"科室每晚要花的时间是省里原本要求的 {u.escalation_ratio:.2f} 倍。",
        f"The section's night takes {u.escalation_ratio:.2f} times what the province's own rule would.",
    )
)

# %% [markdown]
# ## 4. 图 · The chart

# %%
show(cascade_spec(u, LANG))

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the chart shows, and what it does not

# %% [markdown] tags=["lang-zh"]
# **说明了：** 每一级只加一点，到底就翻了一番多。加码里有两部分：每一级多出来的APP（签到时间一项项叠上去），和被放大的积分指标。前者往往被忽视，但在默认值下它占了相当大的一块（练习1会让你把它单独分出来）。
#
# **没说明：**
# - $\alpha$、$\Delta$、每级加几个APP、一共几级，文章都没有给数；图的形状完全取决于这些假设（第6节）。
# - 模型假设每一级都加码。实际上也有层级会“减码”、会替下面挡一挡；文中“绝不算高”的说法也说明各地差别很大。
# - 白智立说的另外两个原因——自保和迎合上级——不在模型里。它们会让同样的规则在不同单位被执行得松紧不同。
# - 模型的一处局限：倒推上去时，每一级至少保留承载它的指标或学时任务的那一个APP。所以最基层APP很少、而每级又“加”APP时，上面几级都停在一个APP，APP的堆叠被少算了；而上面几级的晚上很短，比值却可能很大（例如 `district_20h` 预设只有一个APP，各级都是一个APP，倍数全来自学时任务）。

# %% [markdown] tags=["lang-en"]
# **Shown:** each level adds only a little, yet at the bottom the night is more than doubled. The add-on has two parts: the apps each level adds (sign-in time stacking up) and the inflated points quota. The first is easy to overlook, but with the defaults it is a large share (exercise 1 asks you to separate it).
#
# **Not shown:**
# - The article gives no figure for $\alpha$, $\Delta$, apps per level or the number of levels; the shape of the chart rests entirely on these assumptions (section 6).
# - The model has every level adding. In reality some levels trim requirements or shield those below; “by no means high” in the article also says places differ widely.
# - Bai's other two reasons — self-protection and playing to superiors — are not in the model. They make the same rule bite harder in one unit than in another.
# - A limit of the model: working backwards, every level keeps at least the one app that carries its quota or study target. So when the bottom has few apps and every level “adds” one, the upper levels all stop at one app and the stacking of apps is understated; yet their nights are short, so the ratio can still be large (the `district_20h` preset has a single app, every level keeps it, and the whole multiple comes from the study target).

# %% [markdown]
# ## 6. 文章不支持的假设 · Assumptions the article does not support

# %%
assumption_table(["n_levels", "alpha", "deadline_shift_days", "apps_added_per_level"], LANG)

# %% [markdown] tags=["lang-zh"]
# 表里每个参数有两列来源：`alpha`、`n_levels` 和 `apps_added_per_level` 的**机制**出自文章（层层加码、科室自建APP），**数值**一列则标为假设——每级加20%、五级、每级一个APP都是我们定的。`deadline_shift_days`（每级提前2天，0–5天）是明确的假设。
#
# - **$\alpha$（我们取0.2；0–1）和每级加的APP数（我们取1；0–3）。** 下图同时改这两项（$\alpha$ 取0.05到0.4）。不加APP时，比值只来自指标的放大，而且因为积分要取整、又有封顶，增长得很慢；每级加一个APP时，比值高得多。
# - **每级提前几天（假设，2天；0–5天）。** 默认情景没有学时任务，所以这一项不起作用。下面换成区里20学时的预设（并让各级APP数相同）来看：提前的天数只在跨过半小时的取整台阶时才改变每晚的时间，而且一跨就是半小时。

# %% [markdown] tags=["lang-en"]
# The table gives each parameter two sources: for `alpha`, `n_levels` and `apps_added_per_level` the **mechanism** comes from the article (add-ons at each level; sections building their own apps), while the **number** column says assumption — 20% per level, five levels, one app per level are ours. `deadline_shift_days` (2 days per level; 0–5) is an outright assumption.
#
# - **$\alpha$ (ours 0.2; 0–1) and apps added per level (ours 1; 0–3).** The chart varies both ($\alpha$ from 0.05 to 0.4). With no apps added, the ratio comes only from the inflated quota and grows slowly, since points round and caps bind; with one app per level, it is much higher.
# - **Days brought forward per level (assumption, 2; 0–5).** The default scenario has no study-hour target, so this does nothing there. Below we switch to the district's 20-study-hour preset (with the same apps at every level): the shift changes the nightly time only where it crosses a half-hour rounding step, and then by a whole half hour.

# %%
rows = []
for added in (0, 1):
    for a in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        ratio = cascade(reg.replace(s, alpha=a, apps_added_per_level=added))["ratio_to_top"].iloc[-1]
        rows.append(
            {
                "alpha": a,
                "ratio": ratio,
                "apps": tr(f"每级加 {added} 个APP", f"{added} app(s) added per level"),
            }
        )
show(
    line_spec(
        pd.DataFrame(rows),
        "alpha",
        "ratio",
        color="apps",
        chart_title=tr("科室每晚的时间是省里要求的几倍", "The section's night as a multiple of the province's rule"),
        x_title=tr("每级加码幅度 α", "add-on per level, α"),
        y_title=tr("倍数", "ratio"),
        caption=tr(
            f"共 {s.n_levels} 级；其余取默认值。",
            f"{s.n_levels} levels; all else at defaults.",
        ),
        y_rule=1,
    )
)

# %%
district = reg.replace(presets()["district_20h"].scenario(), apps_added_per_level=0)
pd.DataFrame(
    {
        shift: cascade(reg.replace(district, deadline_shift_days=shift)).set_index("level")[
            "night_minutes"
        ]
        for shift in (0, 1, 2, 3, 5)
    }
).rename_axis(columns=tr("每级提前天数 →", "days forward per level →"))

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
exercise("04_alpha_zero_ratio", LANG)

# %%
answer_1 = None  # 倍 · times
check("04_alpha_zero_ratio", answer_1, LANG)

# %%
solution("04_alpha_zero_ratio", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 2

# %% [markdown] tags=["lang-en"]
# Exercise 2**

# %%
exercise("04_levels_double", LANG)

# %%
answer_2 = None  # 级 · levels
check("04_levels_double", answer_2, LANG)

# %%
solution("04_levels_double", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 3

# %% [markdown] tags=["lang-en"]
# Exercise 3**

# %%
exercise("04_extend_shield", LANG)

# %%
solution("04_extend_shield", LANG)

# %% [markdown] tags=["lang-zh"]
# ## 小结
#
# **小结。** 每一级只加一点，到最底层就翻了一番多；加码有两部分，指标的放大和APP的堆叠，后者常被忽视。图的形状完全取决于没有数据支撑的参数（α、级数、每级加几个APP），所以这一篇给的是机制，不是数字。

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# **Summary.** Each level adds a little and the bottom ends up with more than double; the add-on has two parts, the inflated quota and the stacked apps, and the second is easy to overlook. The chart's shape rests entirely on parameters no data supports (α, the number of levels, apps per level), so this guide offers a mechanism, not a number.

# %% [markdown]
# ## 8. 延伸阅读 · Further reading

# %% [markdown] tags=["lang-zh"]
# - 李辉（2022）.“层层加码”：反制科层组织执行衰减的一种策略.《中国行政管理》，2022年4月1日网络首发（卷期页码未能核实）。在庞大的科层组织里，适度的层层加码是对执行衰减的一种抵消。
# - 刘伟（2023）.乡镇政府政策执行压力：表现、根源与化解路径研究.《乡村论丛》2023年第4期（页码未能核实）。数量层层加、时限层层提前。
# - 于晓艺、于承洛（2023），《超越“数字形式主义”》，《中国海洋大学学报（社会科学版）》2023(2): 88–96。
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. ——越往下，越容易把上级的要求当成目的本身。
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90; Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB. ——每一级都拿下一级的数字来交差。
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52; Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. （第5篇详谈）
# - 2024年《整治形式主义为基层减负若干规定》：原则上每个部委面向基层的APP不超过一个；国办函〔2026〕12号：县级以下原则上不再建设政务APP（第6篇）。
#
# 上一篇：[03 · 排名、缺勤与一票否决](03_rankings_misses_veto.ipynb) · 下一篇：[05 · 任务–工具匹配与目标置换](05_fit_and_displacement.ipynb)

# %% [markdown] tags=["lang-en"]
# - Li Hui (2022). “Layer-by-layer add-ons”: a strategy against implementation decay in bureaucracies. *Chinese Public Administration*, online first 1 April 2022 (issue and pages not verified). Moderate add-ons offset the decay of implementation in a huge bureaucracy.
# - Liu Wei (2023). The policy-implementation pressure on township governments: forms, roots and remedies. *Xiangcun Luncong* 2023 (4) (pages not verified). Quantities added and deadlines advanced at each level.
# - Yu & Yu (2023) on going beyond “digital formalism”.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. — Further down, the superior's requirement more easily becomes an end in itself.
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90; Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB. — Each level reports the numbers of the level below.
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52; Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. (see guide 05)
# - The 2024 rules (in principle one grassroots-facing app per ministry) and Guobanhan [2026] No. 12 (in principle no apps below county level) — guide 06. The 2019 notice asked to curb excessive record-keeping.
#
# Previous: [03 · Rankings, misses and the veto](03_rankings_misses_veto.ipynb) · Next: [05 · Fit and goal displacement](05_fit_and_displacement.ipynb)
