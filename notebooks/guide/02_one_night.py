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
# # 02 · 一个晚上 · One night

# %% [markdown] tags=["lang-zh"]
# 第1篇讲的是规则本身；这一篇把规则放进一个具体的晚上：从下班到上床，APP占去多少时间，还剩多少觉可睡。
#
# 每个文字单元都标明了语言：笔记里中英文都有，静态网页分成中文版和英文版。想看英文图表，把 `LANG` 改成 `"en"` 再从头运行。

# %% [markdown] tags=["lang-en"]
# Guide 01 looked at the rules by themselves. This one puts them into an actual evening: from the end of work to bed, how much time the apps take and how much sleep is left.
#
# Each text cell is tagged with its language: the notebook holds both, and the static pages come as a Chinese and an English site. For English charts set `LANG` to `"en"` and run everything again.

# %% [markdown] tags=["lang-zh"]
# **学习目标。** 读完这一篇，你能：（一）把一个晚上拆成下班、加班、工作群、签到、刷分几段，说出每段来自文章还是假设；（二）用 `typical_night` 算就寝时间和睡眠，并说明起床时间这个假设怎样决定“睡不够”的结论；（三）估计替同事刷分的代价。
#
# **预备知识。** 第1篇（积分和学时的规则）。

# %% [markdown] tags=["lang-en"]
# **Learning goals.** After this guide you can (1) break an evening into work, overtime, the work chat, sign-ins and farming, and say for each whether it comes from the article or from an assumption; (2) compute bedtime and sleep with `typical_night`, and explain how the wake-up assumption decides the verdict of short sleep; (3) estimate the cost of farming for a colleague.
#
# **Prerequisites.** Guide 01 (the point and study-hour rules).

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

import pandas as pd

from explainer.charts.night import per_app_spec, timeline_spec
from explainer.guide import assumption_table, line_spec, show, sweep
from explainer.model.night import typical_night
from explainer.guide import localize_tables
from explainer.offline import enable_offline_charts
from explainer.spec import format_clock, registry


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
# 文中某区一位公务员讲了他的作息：单位正常上班到傍晚六点半（seed §3，“8:00-18:30”），加班到晚上九、十点是常事（seed §3，“九十点钟很正常”），到家大约十点半，还要处理工作群里的事，忙完一般就到十一点了（seed §3，“23:00左右”）——这还没算洗漱（seed §3，“不考虑洗漱”）。
#
# 接下来才轮到APP。李毅每晚要打开8个政务APP，把分数刷到规定值（seed §1，“打开8个政务APP”）。山东一位公务员说单位要求装的APP一般七八个，文章接着写道（没有说是谁的话），光是依次签到、浏览、评论就要半小时（seed §2，“就需半小时”）；有积分指标的那个，还要按第1篇的规则刷够时长。有时还得登录单位老同事的账号，替他们刷完（seed §1，“替他们刷完”）。结果是李毅几乎每天都要拖到半夜十二点以后才能休息（seed §1，“半夜十二点后”）。
#
# 文章没有给李毅自己的作息，模型借用了那位区里公务员的；这一点要记住。

# %% [markdown] tags=["lang-en"]
# An official in a district describes his day: official hours end at half past six (seed §3, “8:00-18:30”), overtime until nine or ten is normal (seed §3, “九十点钟很正常”), he gets home around half past ten and then deals with the work chat until about eleven (seed §3, “23:00左右”) — washing not included (seed §3, “不考虑洗漱”).
#
# Only then come the apps. Li Yi opens 8 government apps every night to bring his score up to the set value (seed §1, “打开8个政务APP”). A Shandong official says seven or eight mandatory apps are typical, and the article goes on, without saying whose words these are, that signing in, browsing and commenting on them in turn takes half an hour by itself (seed §2, “就需半小时”); the app with a points quota then needs the reading time of guide 01. Sometimes he also logs in to older colleagues' accounts and finishes their farming for them (seed §1, “替他们刷完”). So Li Yi is rarely in bed before midnight (seed §1, “半夜十二点后”).
#
# The article gives no schedule for Li Yi himself; the model borrows the district official's. Keep that in mind.

# %% [markdown]
# ## 2. 公式 · The equations

# %% [markdown] tags=["lang-zh"]
# 设必装APP有 $n$ 个，每个的固定签到流程要 $o$ 分钟；有指标的APP要读/看 $S$ 分钟（第1篇），其中比例 $\varphi$ 的视频可以放着不看、不占人；替 $n_{\text{proxy}}$ 位同事刷。那么每晚花在APP上的分钟数是

# %% [markdown] tags=["lang-en"]
# With $n$ mandatory apps, a fixed sign-in routine of $o$ minutes each, $S$ minutes of reading or viewing for the quota app (guide 01) of which a share $\varphi$ can play unwatched without the person, and $n_{\text{proxy}}$ colleagues' accounts, the nightly app minutes are

# %% [markdown]
# $$M = (1 + n_{\text{proxy}})\,\big(n\,o + (1-\varphi)\,S\big).$$

# %% [markdown] tags=["lang-zh"]
# 晚上的事务在 $t_{\text{free}}$ 结束（加班结束 + 路上 + 工作群），再加洗漱 $h$，就寝时间和睡眠是

# %% [markdown] tags=["lang-en"]
# The evening's duties end at $t_{\text{free}}$ (end of overtime + commute + work chat); with washing $h$, bedtime and sleep are

# %% [markdown]
# $$B = t_{\text{free}} + h + M, \qquad Z = (t_{\text{wake}} + 24\,\text{h}) - B ,$$

# %% [markdown] tags=["lang-zh"]
# 当 $Z < 7$ 小时就算睡眠不足（Watson et al. 2015）。

# %% [markdown] tags=["lang-en"]
# and sleep is short when $Z < 7$ hours (Watson et al. 2015).

# %% [markdown]
# ## 3. 用模型来算 · Computing with the model

# %% [markdown] tags=["lang-zh"]
# `typical_night(s)` 返回一个 `NightResult`：分钟数、就寝时间、睡眠，以及一张按时间排好的表。它按情景自己的考核方式来算：默认情景按积分排名，谁都怕垫底，人人刷到积分上限（seed §3，“只能拼了老命刷分”；第3篇），所以比李毅“刷到规定值”的那一小时略长。夜晚页、单位页和改革页用的都是这同一个函数，显示的是同一晚。

# %% [markdown] tags=["lang-en"]
# `typical_night(s)` returns a `NightResult`: minutes, bedtime, sleep, and a table of the evening in order. It applies the scenario's own rule: the default scenario ranks staff by points, nobody wants to be last, and everyone farms to the points cap (seed §3, “只能拼了老命刷分”; guide 03), a few minutes more than Li Yi's hour of bringing the score “up to the set value”. The night, unit and reform pages all call this same function and show the same night.

# %%
r = typical_night(s)
print(
    tr(
        f"APP共 {r.night_minutes:g} 分钟（签到 {r.signin_minutes:g}，刷指标 {r.study_minutes:g}）；"
        f"{format_clock(r.free_at)} 忙完，{format_clock(r.bedtime)} 上床，睡 {r.sleep_minutes / 60:.2f} 小时。",
        f"Apps: {r.night_minutes:g} min (sign-ins {r.signin_minutes:g}, quota {r.study_minutes:g}); "
        f"free at {format_clock(r.free_at)}, in bed at {format_clock(r.bedtime)}, "
        f"{r.sleep_minutes / 60:.2f} h of sleep.",
    )
)
r.timeline().head(6)

# %%
r.per_app()

# %% [markdown]
# ## 4. 图 · The charts

# %%
show(timeline_spec(r, LANG))

# %%
show(per_app_spec(r, LANG))

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the charts show, and what they do not

# %% [markdown] tags=["lang-zh"]
# **说明了：** 真正压人的不是某一个APP，而是“八个都要点一遍”：签到这部分和刷指标的时间差不多长，而且都排在一天里最没有弹性的那一段——所有工作做完以后、睡觉以前。同样的一小时，如果排在下午，就不会把就寝推过零点。
#
# **没说明：**
# - 这是一个“典型的人”在“典型的一晚”，没有快慢、没有早晚的差别；第3篇才把一个单位的几十个人、一年的几百个晚上放在一起。
# - 李毅每晚约一小时是**校准**出来的（他的预设按达标线考核，每日指标14分就是为此而设），所以与文章对得上并不是检验；“零点以后才睡”也一样：它等于借来的作息（某区公务员23点左右有空）加上洗漱（假设）再加这校准出的一小时——不设积分指标时23:47就能睡。王逸岐的就寝时间同样来自借来的作息。各数字的状态见 docs/evidence.md。
# - 周末、白天的定位打卡（第3篇）、替同事打卡，都不在这张图里。
# - 睡眠不足对健康和工作的影响不在模型里，只在下面的文献里。
#
# **睡眠研究。** 成年人应经常睡够7小时或以上，长期不足与肥胖、糖尿病、高血压、抑郁和失误、事故有关（Watson et al. 2015）。连续两周每晚只睡6小时，注意力测试上的表现下降到接近熬一两个通宵（Van Dongen et al. 2003）。清醒17–19小时后，一些测试上的表现相当于血液酒精浓度0.05%（Williamson & Feyer 2000）。早上6:30起床、零点以后才睡，就已经清醒了17个多小时。

# %% [markdown] tags=["lang-en"]
# **Shown:** what weighs is not any one app but having to go through all eight: the sign-ins take about as long as the quota itself, and both fall in the least flexible part of the day — after all the work, before sleep. The same hour in the afternoon would not push bedtime past midnight.
#
# **Not shown:**
# - This is one typical person on one typical night, with no one faster or slower and no night earlier or later; guide 03 takes a unit of dozens of people over hundreds of nights.
# - Li Yi's hour a night is **calibrated** (his preset is judged by a threshold, and the quota of 14 points was chosen for it), so matching the article there is no test. Nor is “in bed after midnight”: it is the borrowed schedule (the district official free at about 23:00) plus washing (assumed) plus that calibrated hour — without the quota, bed at 23:47. Wang Yiqi's bedtime likewise comes from the borrowed schedule. The status of every figure is in docs/evidence.md.
# - Weekends, the daytime GPS check-in (guide 03) and checking in for colleagues are not in the chart.
# - What short sleep does to health and work is not in the model, only in the literature below.
#
# **Sleep research.** Adults should regularly sleep seven hours or more; less is linked with obesity, diabetes, hypertension, depression, errors and accidents (Watson et al. 2015). Six hours a night for two weeks degrades attention almost as much as one or two nights without sleep (Van Dongen et al. 2003). After 17–19 hours awake, performance on some tests matches a blood alcohol level of 0.05% (Williamson & Feyer 2000). Up at 06:30 and in bed after midnight is already more than 17 hours awake.

# %% [markdown]
# ## 6. 文章不支持的假设 · Assumptions the article does not support

# %%
assumption_table(
    [
        "washing_min",
        "wake_time",
        "quota_points",
        "n_quota_apps",
        "unwatched_share",
        "overtime_end",
        "commute_min",
        "work_chat_min",
        "sleep_need_h",
    ],
    LANG,
)

# %% [markdown] tags=["lang-zh"]
# - **起床时间（假设，06:30；05:30–07:30）。** 文章只说八点上班。这是对“睡眠不足”结论影响最大的一个数：下面的图里，起床每晚一小时，就多睡一小时；07:30起床时，默认的一晚就够7小时了。
# - **洗漱（假设，15分钟；5–30分钟）。** 文章明说没算洗漱。它只是平移就寝时间，影响远小于起床时间。
# - **每日指标与有指标的APP数（假设）。** 见第1篇：这两项一起决定了那一小时，是校准出来的。
# - **放着不看的比例（默认0）。** 文中食堂里“有一半”在放视频的观察（seed §3，“有一半都在放”）来自另一位公务员，不一定适用于李毅；模型默认0，下面的表给出取一半时的结果。注意：文中也说有的APP看完一段要手动点下一段（seed §3，“需手动”），所以视频放着不看，人也未必走得开。
# - **下班后的时刻表**（加班、路上、工作群）来自文章，但属于那位区里的公务员，不是李毅。

# %% [markdown] tags=["lang-en"]
# - **Wake-up time (assumption, 06:30; 05:30–07:30).** The article says only that work starts at eight. No number matters more for the verdict of short sleep: in the chart below, each hour later means an hour more sleep, and at 07:30 the default night reaches seven hours.
# - **Washing (assumption, 15 min; 5–30).** The article explicitly leaves it out. It only shifts bedtime, far less than the wake-up time does.
# - **The quota and the number of quota apps (assumptions).** See guide 01: together they set the hour, which is calibrated.
# - **Share played unwatched (default 0).** The canteen scene where half the phones play videos (seed §3, “有一半都在放”) comes from another official and may not apply to Li Yi; the model defaults to 0, and the table below shows a half. Note that some apps need a tap for each next video (seed §3, “需手动”), so unwatched play may not free the person either.
# - **The evening timetable** (overtime, commute, work chat) is from the article, but it belongs to the district official, not to Li Yi.

# %%
rows = []
for washing in (5, 15, 30):
    for wake in ("05:30", "06:00", "06:30", "07:00", "07:30"):
        x = reg.replace(s, washing_min=washing, wake_time=wake)
        rows.append(
            {
                "wake_h": x.wake_time / 60,
                "sleep_h": typical_night(x).sleep_minutes / 60,
                "washing": tr(f"洗漱 {washing} 分钟", f"washing {washing} min"),
            }
        )
wake_by_washing = pd.DataFrame(rows)
show(
    line_spec(
        wake_by_washing,
        "wake_h",
        "sleep_h",
        color="washing",
        x_clock=True,
        y_rule=7,
        y_rule_label=tr("7小时", "7 hours"),
        chart_title=tr("睡眠取决于两个假设：几点起、洗漱多久", "Sleep rests on two assumptions: wake-up time and washing"),
        x_title=tr("起床时间", "wake-up time"),
        y_title=tr("睡眠（小时）", "sleep (hours)"),
        caption=tr(
            "其余一切取默认值。7小时是成年人的建议下限。",
            "All else at defaults. Seven hours is the recommended minimum for adults.",
        ),
    )
)

# %%
sweep(
    s,
    "unwatched_share",
    [0.0, 0.25, 0.5],
    {
        "night_minutes": lambda x: typical_night(x).night_minutes,
        "bedtime": lambda x: format_clock(typical_night(x).bedtime),
    },
)

# %% [markdown]
# ## 6b. 区间：假设能把结论推多远 · Ranges: how far the assumptions move the answer

# %% [markdown] tags=["lang-zh"]
# 上面一次只动了两个假设。页面上每个数字旁边的区间把所有假设一起动：`data/parameters.yaml` 里每个“假设”（role: people）都写明了合理范围和来源，文章给出的（如“九十点钟”，seed §3，“加班到晚上九十点钟很正常”）就用文章，文章没给的就明说两端是假设、为什么这样取。
#
# **区间是什么。** 在这些范围里取一组铺满空间的抽样（加扰Sobol'序列，$n=128$ 点，种子固定，所以每次打开都是同一个区间），对每个样本 $x_i$ 算一遍模型，区间就是
# $$[\min_i f(x_i),\ \max_i f(x_i)]\quad(i=0,1,\dots,n;\ x_0 \text{ 为当前设置}).$$
# **区间不是什么。** 它不是置信区间，也没有“95%的把握”：来源只给了合理的两端，没有给概率分布，所以我们不取分位数。它只说“在所试的每种组合下”；范围角上的极端情况可能还在区间之外。
#
# **为什么不改变规则。** 指标、上限、排名还是达标线，是上级定的、由读者在页面上选择的东西（role: policy）。把它们也放进区间，就会把“我们不知道的”和“上级决定的”混在一起，区间就说不清任何一条规则的后果了。
#
# **一次一项与全局敏感性。** 龙卷风图一次只动一项假设（从范围一端到另一端，其余不变），看谁最要紧；它看不到几项假设一起动时的相互作用。全局方法（Sobol'指数）把方差分给每项假设：一阶指数 $S_i$ 是这项假设单独造成的部分，总指数 $S_{T_i}$ 还包括它参与的所有相互作用。若对每项 $S_{T_i}\approx S_i$ 且 $\sum_i S_i\approx 1$，模型就是可加的，一次一项的图已经说全了。就寝时间正是几段时长相加，下面的计算验证了这一点，所以页面上只画一次一项的图（全局指数要 $n(d+2)$ 次模型运行，在单位页上太慢）。

# %% [markdown] tags=["lang-en"]
# The chart above moved two assumptions at a time. The range beside each number on the pages moves them all: every assumption in `data/parameters.yaml` (role: people) declares its plausible range and where it comes from; the article's own words where it gives them (such as nine or ten o'clock, seed §3, “加班到晚上九十点钟很正常”), and otherwise a plain statement that the ends are assumed, and why.
#
# **What a range is.** A space-filling sample of those ranges (a scrambled Sobol' sequence, $n=128$ points, fixed seed, so every load shows the same range) goes through the model, and the range is
# $$[\min_i f(x_i),\ \max_i f(x_i)]\quad(i=0,1,\dots,n;\ x_0 \text{ the scenario as set}).$$
# **What a range is not.** It is not a confidence interval and carries no “95 per cent”: the sources give plausible ends, not a probability distribution, so we take no percentiles. It says “under every combination tried”; extremes at the corners of the ranges may lie beyond it.
#
# **Why the rules are not varied.** The quota, the caps, a ranking or a threshold are set by a superior and chosen by the reader on the page (role: policy). Putting them inside the range would mix what we do not know with what a superior decides, and the range would no longer say what any one rule does.
#
# **One at a time, and global sensitivity.** The tornado chart moves one assumption at a time (from one end of its range to the other, the others as set) to show which matters most; it cannot see assumptions acting together. A global method (Sobol' indices) shares out the variance: the first-order index $S_i$ is what assumption $i$ does alone, the total index $S_{T_i}$ adds every interaction it takes part in. If $S_{T_i}\approx S_i$ for each and $\sum_i S_i\approx 1$, the model is additive and the one-at-a-time chart already says it all. Bedtime is a sum of durations, as the computation below confirms, so the pages draw only the one-at-a-time chart (global indices need $n(d+2)$ model runs, too slow on the unit page).

# %%
from explainer.charts.bands import tornado_spec
from explainer.model import uncertainty as U
from explainer.robustness import CONCLUSIONS, verdict_text

night_assumptions = [
    p for p, spec in reg.params.items() if spec.group in ("apps", "points", "evening", "shortcuts")
]


def night_figures(x):
    n = typical_night(x)
    return {"bedtime": n.bedtime, "sleep_short_minutes": n.sleep_short_minutes}


ranges = U.uncertainty(night_figures, reg, s, night_assumptions)
band = ranges.band("bedtime")
print(tr("就寝时间", "bedtime"), format_clock(band.value), f"({format_clock(band.low)} – {format_clock(band.high)})")
for conclusion in CONCLUSIONS["night"]:
    print(verdict_text(ranges, conclusion, LANG))
show(tornado_spec(ranges, "bedtime", "clock", LANG))

# %%
indices = U.sobol_total(lambda x: night_figures(x)["bedtime"], reg, s, night_assumptions, n=256)
sobol = pd.DataFrame(
    [(reg.params[p].label[LANG], first, total) for p, (first, total) in indices.items()],
    columns=[tr("假设", "assumption"), tr("一阶指数 S_i", "first order S_i"), tr("总指数 S_Ti", "total S_Ti")],
).sort_values(tr("总指数 S_Ti", "total S_Ti"), ascending=False)
print(tr("一阶指数之和：", "sum of first-order indices: "), round(sobol.iloc[:, 1].sum(), 2))
sobol.round(2)

# %% [markdown] tags=["lang-zh"]
# 一阶指数之和接近1，每项的总指数与一阶指数几乎相等：对就寝时间而言，假设之间几乎没有相互作用，龙卷风图的排序就是全局的排序。单位页上的数字（处罚概率、一票否决）含有阈值和连乘，假设之间可能有更强的相互作用；这里没有计算它们的指数，所以那里要引用的是卡片里的区间，而不是某一根条。

# %% [markdown] tags=["lang-en"]
# The first-order indices sum to nearly one, and each total index nearly equals its first-order index: for bedtime the assumptions hardly interact, and the tornado's order is the global order. The unit page's figures (penalty risk, the one-vote veto) involve thresholds and products, where assumptions may interact more; their indices are not computed here, which is why the range in the card, not any one bar, is the figure to quote there.

# %% [markdown]
# ## 7. 练习 · Exercises

# %% [markdown] tags=["lang-zh"]
# 题目、提示和解答都在 `data/exercises.yaml` 里，答案由模型现算。先自己做：把 `None` 换成你的答案再运行，`check` 只说对不对并给一条提示；提示和解答都折叠着，需要时再点开。开放题没有自动判分，参考答案同样折叠着，教师用书（`docs/teachers_key.md`）里有全部参考答案。

# %% [markdown] tags=["lang-en"]
# The questions, hints and solutions live in `data/exercises.yaml`, and the answers are computed from the model. Work first: replace `None` with your answer and run the cell; `check` says only whether it is right, with one hint. Hints and solutions stay collapsed until you open them. Open questions have no automatic check; their model answers are collapsed too, and all of them are in the teacher's key (`docs/teachers_key.md`).

# %%
from explainer.exercises import check, exercise, solution

# %% [markdown] tags=["lang-zh"]
# **练习 1

# %% [markdown] tags=["lang-en"]
# Exercise 1**

# %%
exercise("02_bedtime_nine_apps", LANG)

# %%
answer_1 = None  # 时刻 HH:MM · clock time HH:MM
check("02_bedtime_nine_apps", answer_1, LANG)

# %%
solution("02_bedtime_nine_apps", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 2

# %% [markdown] tags=["lang-en"]
# Exercise 2**

# %%
exercise("02_sleep_proxy", LANG)

# %%
answer_2 = None  # 小时 · hours
check("02_sleep_proxy", answer_2, LANG)

# %%
solution("02_sleep_proxy", LANG)

# %% [markdown] tags=["lang-zh"]
# ## 小结
#
# **小结。** 默认的一晚由 `typical_night` 算出，各页共用同一晚。APP时间把就寝推到半夜以后；睡眠时长几乎完全取决于起床时间的假设，所以“睡不够”只能和这个假设一起说。替同事刷分是纯粹的损失：没有人在学。

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# **Summary.** The default night comes from `typical_night`, and every page shows the same one. App time pushes bedtime past midnight; how long he sleeps rests almost entirely on the wake-up assumption, so “too little sleep” can only be said together with it. Farming for a colleague is a pure loss: nobody is learning.

# %% [markdown]
# ## 8. 延伸阅读 · Further reading

# %% [markdown] tags=["lang-zh"]
# - Watson, N. F., et al. (2015). Recommended amount of sleep for a healthy adult. *Journal of Clinical Sleep Medicine*, 11(6), 591–592. doi:10.5664/jcsm.4758
# - Hirshkowitz, M., et al. (2015). National Sleep Foundation's sleep time duration recommendations. *Sleep Health*, 1(1), 40–43.
# - Van Dongen, H. P. A., Maislin, G., Mullington, J. M., & Dinges, D. F. (2003). The cumulative cost of additional wakefulness: dose-response effects on neurobehavioral functions and sleep physiology from chronic sleep restriction and total sleep deprivation. *Sleep*, 26(2), 117–126. https://academic.oup.com/sleep/article/26/2/117/2709164
# - Williamson, A. M., & Feyer, A.-M. (2000). Moderate sleep deprivation produces impairments in cognitive and motor performance equivalent to legally prescribed levels of alcohol intoxication. *Occupational and Environmental Medicine*, 57, 649–655.
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783. ——替人刷分的时间，正是“奖励A、指望B”的代价。
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB (Goodhart's law).
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52; Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689; Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. （第5篇详谈）
# - 2019年中办《关于解决形式主义突出问题为基层减负的通知》把那一年定为“基层减负年”。
# - 2024年《整治形式主义为基层减负若干规定》要求不得强制下载、原则上每个部委面向基层的APP不超过一个；国办函〔2026〕12号禁止强制定期登录和把学习时长作为考核依据（第6篇）。
#
# 上一篇：[01 · 文章里的规则](01_rules_in_the_article.ipynb) · 下一篇：[03 · 排名、缺勤与一票否决](03_rankings_misses_veto.ipynb)

# %% [markdown] tags=["lang-en"]
# - Watson, N. F., et al. (2015). Recommended amount of sleep for a healthy adult. *Journal of Clinical Sleep Medicine*, 11(6), 591–592. doi:10.5664/jcsm.4758
# - Hirshkowitz, M., et al. (2015). National Sleep Foundation's sleep time duration recommendations. *Sleep Health*, 1(1), 40–43.
# - Van Dongen, H. P. A., Maislin, G., Mullington, J. M., & Dinges, D. F. (2003). The cumulative cost of additional wakefulness: dose-response effects on neurobehavioral functions and sleep physiology from chronic sleep restriction and total sleep deprivation. *Sleep*, 26(2), 117–126. https://academic.oup.com/sleep/article/26/2/117/2709164
# - Williamson, A. M., & Feyer, A.-M. (2000). Moderate sleep deprivation produces impairments in cognitive and motor performance equivalent to legally prescribed levels of alcohol intoxication. *Occupational and Environmental Medicine*, 57, 649–655.
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783. — Farming for others is the cost of rewarding A while hoping for B.
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB (Goodhart's law).
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52; Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689; Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. (see guide 05)
# - The 2019 notice that made it the year of reducing the grassroots burden.
# - The 2024 rules (no forced downloads; in principle one grassroots-facing app per ministry) and Guobanhan [2026] No. 12 (no forced periodic logins; study time not an assessment criterion) — guide 06.
#
# Previous: [01 · The rules in the article](01_rules_in_the_article.ipynb) · Next: [03 · Rankings, misses and the veto](03_rankings_misses_veto.ipynb)
