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
# # 06 · 改革 · Reforms

# %% [markdown] tags=["lang-zh"]
# 最后一篇把前五篇的模型倒过来用：文章里学者的建议，以及2019年以来陆续出台的减负文件（有的早于文章，有的晚于文章），各自改动了哪些规则？改了以后，晚上、单位和精力分配会有什么不同——又有什么是这些改革碰不到的？
#
# 每个文字单元都标明了语言：笔记里中英文都有，静态网页分成中文版和英文版。想看英文图表，把 `LANG` 改成 `"en"` 再从头运行。

# %% [markdown] tags=["lang-en"]
# The last guide runs the model of the first five the other way round: which rules do the scholars' proposals in the article, and the burden-reduction documents issued since 2019 (some before the article, some after), change? What then changes for the night, the unit and the split of effort — and what do the reforms not reach?
#
# Each text cell is tagged with its language: the notebook holds both, and the static pages come as a Chinese and an English site. For English charts set `LANG` to `"en"` and run everything again.

# %% [markdown] tags=["lang-zh"]
# **学习目标。** 读完这一篇，你能：（一）说出每一份减负文件和文中的每一条建议改动了模型里的哪个参数；（二）比较单项改革和改革包对睡眠、一票否决和真产出的影响，并说明为什么有些改革对睡眠毫无作用；（三）把真产出的变化分别记在工具和奖励上（Shapley 分解）。
#
# **预备知识。** 第1–5篇。

# %% [markdown] tags=["lang-en"]
# **Learning goals.** After this guide you can (1) say which parameter of the model each burden-reduction document and each proposal in the article changes; (2) compare single reforms and a package on sleep, the veto and real output, and explain why some reforms do nothing for sleep; (3) credit a change in real output to the tool and to the reward separately (a Shapley split).
#
# **Prerequisites.** Guides 01–05.

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

import pandas as pd

from explainer.charts.reforms import bedtime_overlay_spec, effort_overlay_spec, minutes_overlay_spec
from explainer.teaching.guide import show
from explainer.model.compare import compare
from explainer.model.unit import unit
from explainer.teaching.guide import localize_tables
from explainer.serving.offline import enable_offline_charts
from explainer.core.reforms import apply_reforms, reforms
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
# **文中的建议。** 南开大学的尚虎平提了三条（seed §5，“三点建议”）：用电子签章考勤——签章即表示办结，事后核查结果，看的是“能”和“效”，不只是“勤”（seed §5，“电子签章”）；把各类政务APP整合成“一站式平台”，他认为技术上毫无难度（seed §5，“一站式平台”）；把公共服务类APP和内部管理类APP分开，前者按法定期限办结即可（seed §5，“加以区分”）。梅赐琪主张让任务复杂度与工具能力相匹配（第5篇）。宁夏一位公务员的话则点出了最直接的一条：只要单位不比积分，他其实喜欢这类APP（seed §3，“不比积分”）。
#
# **文章之前已有的文件。** 2019年3月中办的通知把那一年定为“基层减负年”，要求力戒过度留痕、严格控制“一票否决”（此条只见于二手概述）；2019年浙江、湖北等地规定不得要求即时打卡、不得强制安装、不得以截图视频代替实地工作。它们都早于2020年8月的这篇文章——而文章报道的做法照旧，一位受访者说中央“三令五申”，一些地方还是要想方设法搞。**文章之后的文件。** 中央网信委《关于防治“指尖上的形式主义”的若干意见》（2023年底印发；2024-06-13只是答记者问的转载日期）：不得强制推广下载，点赞转发不作考核依据。2024年8月中办、国办的《整治形式主义为基层减负若干规定》：每个部委面向基层的APP原则上不超过一个、不得强制下载，拍照留痕不作为评判工作的标准。2026年1月国办函〔2026〕12号：县以下原则上不建政务APP（第二条）；第六条列出的禁止事项包括强制打卡签到、积分排名、统计在线时长，考核安装使用率、强制定期登录，以学习时长等作为考核依据（第六条的措辞只见于转载，未能核对原文）。“取消一票否决”不是任何文件的规定，而是本工具的假设情景。各文件核对到什么程度，见 data/sources.yaml。
#
# 在模型里，每一项改革都是对情景的一次**变换**：它说明自己依据哪份文件或建议，并把某些参数设为新值、封顶或按比例缩放。

# %% [markdown] tags=["lang-en"]
# **Proposals in the article.** Shang Huping of Nankai University makes three (seed §5, “三点建议”): e-signature attendance — a signature means the task is done, and the result is checked later, which tests ability and effect, not mere presence (seed §5, “电子签章”); merging the government apps into a one-stop platform, technically no difficulty at all in his view (seed §5, “一站式平台”); and separating public-service apps from internal-management apps, the former needing only to handle cases within their legal deadlines (seed §5, “加以区分”). Mei Ciqi asks for task complexity and tool capability to be matched (guide 05). A Ningxia official names the most direct change: as long as the unit does not compare points, he actually likes such apps (seed §3, “不比积分”).
#
# **Documents before the article.** The CPC General Office's notice of March 2019 declared a year of reducing the grassroots burden, asking to curb excessive record-keeping and to strictly limit one-vote vetoes (that clause seen only in secondary summaries); in 2019 Zhejiang, Hubei and others barred instant app check-ins, forced installs, and screenshots or videos in place of fieldwork. All of these predate the article of August 2020 — which reports the practices going on, and quotes an official: the centre forbids formalism again and again, yet some places still find ways. **Documents after it.** The Cyberspace Affairs Commission's opinions on fingertip formalism (issued late 2023; 2024-06-13 is only the date of a reprinted Q&A): no forced downloads, likes and reposts no basis for assessment. The CPC and State Council General Offices' rules of August 2024: in principle at most one grassroots-facing app per central ministry, no forced downloads, photo traces no standard for judging work. Guobanhan [2026] No. 12 of January 2026: in principle no government apps below county level (art. 2); art. 6 lists prohibitions including compulsory check-ins, points rankings and online-time counts, assessing install and usage rates, forced periodic logins, and study time as an assessment criterion (art. 6's wording seen only in reprints, not checked against the original). “Veto removed” is no document's rule but this tool's own scenario. How far each text was checked is recorded in data/sources.yaml.
#
# In the model each reform is a **transformation** of the scenario: it names the document or proposal it stands for and sets, caps or scales some parameters.

# %% [markdown]
# ## 2. 公式 · The equations

# %% [markdown] tags=["lang-zh"]
# 三种改动

# %% [markdown] tags=["lang-en"]
# Three kinds of change:

# %% [markdown]
# $$\text{set: } x' = c, \qquad \text{cap: } x' = \min(x,\ c), \qquad \text{scale: } x' = a\,x .$$

# %% [markdown] tags=["lang-zh"]
# 几项改革按声明的顺序依次作用，改革的效果是同一组模型在两个情景上的差：

# %% [markdown] tags=["lang-en"]
# Several reforms apply one after another, in their declared order; a reform's effect is the difference the same models give on the two scenarios:

# %% [markdown]
# $$s' = R_K \circ \cdots \circ R_1(s), \qquad \Delta g = g(s') - g(s),$$

# %% [markdown] tags=["lang-zh"]
# 其中 $g$ 可以是每晚的分钟数、睡眠不足的比例、一票否决的概率、真产出等。

# %% [markdown] tags=["lang-en"]
# where $g$ is nightly minutes, the share of short nights, the chance of a veto, real output and so on.

# %% [markdown]
# ## 3. 用模型来算 · Computing with the model

# %% [markdown] tags=["lang-zh"]
# 所有改革及其改动：`assumption` 一栏写的是模型里**我们**加上的解读，不是文件本身的内容。

# %% [markdown] tags=["lang-en"]
# Every reform and what it changes; the `assumption` column is **our** reading in the model, not the document's content.

# %%
pd.DataFrame(
    [
        {
            "id": rid,
            "name": r.name[LANG],
            "date": r.date,
            "set": r.set or "",
            "cap": r.cap or "",
            "scale": r.scale or "",
            "assumption": r.assumption[LANG] if r.assumption else "",
        }
        for rid, r in reforms().items()
    ]
)

# %% [markdown] tags=["lang-zh"]
# 下面取四项文件里的规定组成一个“改革包”，和现状比：严格控制一票否决（2019年，早于文章）、不搞积分排名（2026年）、照片不作依据（2024年）、限制APP数量（2024/2026年）。

# %% [markdown] tags=["lang-en"]
# Below, four rules from the documents form one package, set against the status quo: veto strictly limited (2019, before the article), no points ranking (2026), no photo evidence (2024), a cap on apps (2024/2026).

# %%
package = ["veto_limited", "no_points_ranking", "no_photo_evidence", "app_cap"]
comparison = apply_reforms(s, package)
result = compare(comparison.status_quo, comparison.reformed)
print(reg.to_plain(comparison.reformed, only_changed=True))
result.table()

# %% [markdown] tags=["lang-zh"]
# **真实产出的变化记在谁头上。** 真实产出取决于三样东西：工具与任务的匹配所决定的一致度（第5篇）、对过程指标的奖励、以及其余的精力假设。一项改革可能同时改动好几样——电子签章既换了工具，又把对过程指标的奖励减半。`output_attribution` 把产出的变化拆开，每一部分取它在各种改动顺序下的平均贡献（Shapley 值），几部分之和正好是总变化。这样，换工具带来的增益记在工具上，减半奖励带来的变化记在奖励上。

# %% [markdown] tags=["lang-en"]
# **Who gets the credit for a change in real output.** Real output depends on three things: the alignment the tool's fit to the task sets (guide 05), the reward on process metrics, and the rest of the effort assumptions. A reform can move several at once — e-signatures change the tool *and* halve the reward on process metrics. `output_attribution` splits the change, crediting each part with its average contribution over the orders in which the changes could be made (its Shapley value); the parts add up to the whole change. So a gain from a better tool is credited to the tool, and what halving a reward does is credited to the reward.

# %%
for rid in ("one_stop_platform", "esignature", "no_study_time_kpi"):
    at = compare(s, apply_reforms(s, [rid]).reformed).output_attribution
    parts = ", ".join(f"{k} {v:+.2f}" for k, v in at.parts.items())
    print(f"{rid}: {at.before:.2f} → {at.after:.2f} ({parts}); alignment {at.alignment[0]:.2f} → {at.alignment[1]:.2f}")

# %% [markdown]
# ## 4. 图 · The charts

# %%
show(minutes_overlay_spec(result, LANG))

# %%
show(bedtime_overlay_spec(result, LANG))

# %%
show(effort_overlay_spec(result, LANG))

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the charts show, and what they do not

# %% [markdown] tags=["lang-zh"]
# **说明了：**
# - 限制APP数量直接砍掉了签到时间，一票否决只留一项让单位的风险减半；这两项都是“规则一改、数字就变”的。
# - 取消排名以后，人人刷到上限的压力没有了；但在我们假设的达标线和截止时刻下，个人每期受罚的概率反而**上升**了（第3篇）。一项改革在一个指标上变好、在另一个上变差，这正是要把所有指标并排看的原因。
# - 就寝时间图里01:00处的尖峰，是达标线下“熬到截止时刻就放弃”的人：他们睡得早了些，但这一晚算没完成。
# - 这个改革包既没换工具，也没碰对过程指标的激励，所以真实产出和精力分配的图不动：要让真工作回来，得改的是工具与任务的匹配，或考核押在哪里（第5篇）。
#
# **没说明：**
# - 模型假设改革被**完全执行**。现实中，被禁止的APP打卡可能换成微信群里发照片——文中就写到考核主要靠小程序和往微信群上传照片（seed §4，“上传照片至微信群”）。形式主义会换个地方出现，这仍是坎贝尔定律。
# - “照片不作依据”在这些指标上看不出效果：模型里照片只影响“几位干部拍到同一位大娘”的概率（seed §4，“都是一个大娘”），不影响时间。
# - 即使所有改革一起上，加班到九十点、十一点才忙完的作息也不会变，睡眠不足的比例也就降不到零（练习2）。这些改革针对的是APP，不是工作时间。
# - 每项改革的具体效果里都有我们的假设（上表的 `assumption` 一栏）；文件的原文我们没有逐字核对。

# %% [markdown] tags=["lang-en"]
# **Shown:**
# - Capping the apps cuts sign-in time directly, and keeping one veto item halves the unit's risk: change the rule and the number moves.
# - With the ranking gone, the pressure to farm to the cap goes too; but under our assumed threshold and hard stop, a person's chance of a penalty per period **rises** (guide 03). A reform that improves one figure and worsens another is exactly why all figures must be read side by side.
# - The spike at 01:00 in the bedtime chart is the people who, under the threshold, give up at the hard stop: they sleep a little earlier, but the night counts as missed.
# - The package changes neither the tool nor the reward on process metrics, so real output and the effort chart do not move: bringing real work back means a tool that fits the task better, or changing what assessment rewards (guide 05).
#
# **Not shown:**
# - The model assumes reforms are **fully implemented**. In practice a banned app check-in may turn into photos posted to a WeChat group — the article itself says assessment relied mainly on mini-programs and photos uploaded to WeChat groups (seed §4, “上传照片至微信群”). Formalism moves elsewhere: Campbell's law again.
# - “No photo evidence” shows no effect on these figures: in the model photos only change the chance that several cadres photograph the same old lady (seed §4, “都是一个大娘”), not anyone's time.
# - Even with every reform at once, overtime until nine or ten and a work chat until eleven stay as they are, so the share of short nights does not fall to zero (exercise 2). These reforms target apps, not working hours.
# - Each reform's modelled effect carries our assumptions (the `assumption` column above); we have not checked the documents' primary texts word for word.

# %% [markdown]
# ## 6. 文章不支持的假设 · Assumptions the article does not support

# %% [markdown] tags=["lang-zh"]
# 除了每项改革自己的 `assumption`，结论还依赖前几篇的假设。这里检查两处。
#
# - **起床时间（假设，06:30；05:30–07:30）。** 睡眠不足的比例几乎完全由它决定（第2篇）。下表在06:30和07:30两种起床时间下，比较现状和改革包：改革包带来的改善幅度在两种假设下相近，但“还剩多少人睡不够”差别很大。所以引用这个比例时，必须同时说明起床时间的假设。
# - **单项改革的效果。** 下表列出每一项改革单独实施时，对一票否决概率、一致度和真产出的影响，以及真产出的变化里记在工具和奖励上的部分（晚上的时间和睡眠留给练习1）。只有换了工具的改革（一站式平台、电子签章）或动了过程指标奖励的改革（学时不作考核、电子签章）才改变真产出；在默认的公共服务类部门，换成更匹配的工具让真产出上升，而把奖励减半反而让它略降——分数与真工作有三分之一一致时，奖励也在奖励真工作（第5篇）。

# %% [markdown] tags=["lang-en"]
# Besides each reform's own `assumption`, the conclusions rest on the earlier guides' assumptions. Two checks here.
#
# - **Wake-up time (assumption, 06:30; 05:30–07:30).** It all but sets the share of short nights (guide 02). The table compares the status quo and the package at 06:30 and at 07:30: the package's improvement is similar under both, but how many are still short of sleep differs greatly. Quote that share only together with the wake-up assumption.
# - **Each reform alone.** The second table gives each reform's effect, applied alone, on the chance of a veto, alignment and real output, with the parts of the change in real output credited to the tool and to the reward (nights and sleep are left for exercise 1). Only reforms that change the tool (one-stop platform, e-signatures) or the reward on process metrics (study time no longer assessed, e-signatures) change real output; in the default public-service department a better-fitting tool raises it, while halving the reward lowers it slightly — on a score a third aligned with real work, the reward also pays for real work (guide 05).

# %%
pd.DataFrame(
    [
        {
            "wake_time": wake,
            "status_quo": unit(reg.replace(s, wake_time=wake)).share_short_sleep,
            "package": unit(apply_reforms(reg.replace(s, wake_time=wake), package).reformed).share_short_sleep,
        }
        for wake in ("06:30", "07:30")
    ]
).round(3)

# %%
rows = []
for rid in reforms():
    one = compare(s, apply_reforms(s, [rid]).reformed)
    table = one.table().set_index("metric")["reform"]
    at = one.output_attribution
    rows.append(
        {
            "reform": rid,
            "p_unit_veto": table["p_unit_veto"],
            "alignment": table["alignment"],
            "real_output": table["real_output"],
            "output_from_tool": at.parts["tool"],
            "output_from_reward": at.parts["reward"],
        }
    )
pd.DataFrame(rows).round(3)

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
exercise("06_best_single", LANG)

# %%
answer_1 = None  # 改革 id · reform id
check("06_best_single", answer_1, LANG)

# %%
solution("06_best_single", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 2

# %% [markdown] tags=["lang-en"]
# Exercise 2**

# %%
exercise("06_all_reforms_short", LANG)

# %%
answer_2 = None  # 比例（零到一之间，或百分数） · a share between zero and one
check("06_all_reforms_short", answer_2, LANG)

# %%
solution("06_all_reforms_short", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 3

# %% [markdown] tags=["lang-en"]
# Exercise 3**

# %%
exercise("06_esignature_tool_part", LANG)

# %%
answer_3 = None  # 真实产出的变化 · change in real output
check("06_esignature_tool_part", answer_3, LANG)

# %%
solution("06_esignature_tool_part", LANG)

# %% [markdown] tags=["lang-zh"]
# ## 小结
#
# **小结。** 减负文件和文中的建议各自只动模型的一两个参数：限制APP数量、不考核学时和强制登录直接缩短晚上；限制一票否决减少单位的风险却不改变晚上；电子签章换了工具、提高一致度，又把奖励减半。全部改革之后仍有不少人睡不够，剩下的来自加班和工作群——文件管不到的地方。

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# **Summary.** The documents and the article's proposals each move one or two parameters: capping apps, dropping study time as a criterion and ending forced logins shorten the evening; limiting the veto lowers the unit's risk but leaves the evening alone; e-signatures change the tool, raising alignment, and halve the reward. Even with every reform many nights stay short; the rest comes from overtime and the work chat, which the documents do not reach.

# %% [markdown]
# ## 8. 延伸阅读 · Further reading

# %% [markdown] tags=["lang-zh"]
# - 中共中央办公厅《关于解决形式主义突出问题为基层减负的通知》（2019年3月；新华社2019年3月11日）。
# - 中共中央办公厅、国务院办公厅《整治形式主义为基层减负若干规定》（2024年8月6日）。
# - 中央网络安全和信息化委员会《关于防治“指尖上的形式主义”的若干意见》（2023年底印发：《廉政瞭望》2023年第12期已报道；2024年6月13日只是问答的转载日期）。
# - 浙江、湖北2019年的减负规定（人民网汇编，2019年4月11日转载）。
# - 国务院办公厅《政务移动互联网应用程序规范化管理办法》（国办函〔2026〕12号，2026年1月25日）。
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90; Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB. ——改掉一个指标，新的指标也会被“刷”。
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52. ——难以测量的工作，激励宜弱。
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. ——电子签章、一站式平台可以看作提高工具能力 $\tau$。
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634.
# - Pearson, M. M., & Mei, C. (2014). Killing a chicken to scare the monkeys? Deterrence failure and local defiance in China. *The China Journal*, 72, 75–97 (DOI not verified); Mei, C. (2020). Policy style, consistency and the effectiveness of the policy mix in China's fight against COVID-19. *Policy and Society*, 39(3), 309–325. doi:10.1080/14494035.2020.1787627.
#
# 上一篇：[05 · 任务–工具匹配与目标置换](05_fit_and_displacement.ipynb) · 下一篇：[07 · 六个模型合在一起](07_capstone.ipynb)

# %% [markdown] tags=["lang-en"]
# - CPC General Office, notice on solving prominent problems of formalism to reduce the burden on the grassroots (March 2019).
# - CPC and State Council General Offices, rules on rectifying formalism to reduce the grassroots burden (6 August 2024).
# - Central Cyberspace Affairs Commission, opinions on preventing fingertip formalism (issued late 2023, reported in 廉政瞭望 2023 No. 12; 13 June 2024 is only the date of a reprinted Q&A).
# - Zhejiang and Hubei rules of 2019 (People's Daily Online compilation, reprinted 11 April 2019).
# - State Council General Office, measures on the standardised management of government mobile apps, Guobanhan [2026] No. 12 (25 January 2026).
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90; Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB. — Replace one indicator and the new one gets farmed too.
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52. — Where work is hard to measure, incentives should be weak.
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. — E-signatures and a one-stop platform can be read as raising tool capability $\tau$.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634.
# - Pearson, M. M., & Mei, C. (2014). Killing a chicken to scare the monkeys? Deterrence failure and local defiance in China. *The China Journal*, 72, 75–97 (DOI not verified); Mei, C. (2020). Policy style, consistency and the effectiveness of the policy mix in China's fight against COVID-19. *Policy and Society*, 39(3), 309–325. doi:10.1080/14494035.2020.1787627.
#
# Previous: [05 · Fit and goal displacement](05_fit_and_displacement.ipynb) · Next: [07 · The six models together](07_capstone.ipynb)
