<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>viewer</name>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>分词引擎</source>
        <translation>Segmenter</translation>
    </message>
    <message>
        <source>另有 %1 份报告给出同一数值</source>
        <translation>%1 more reports give the same value</translation>
    </message>
    <message>
        <source>政策报告查看器</source>
        <translation>Policy Report Viewer</translation>
    </message>
    <message>
        <source>离线阅读科技政策报告：数字、指标序列与实体。</source>
        <translation>Read science and technology policy reports offline: figures, indicator series and entities.</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Regions</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出图表（PNG/SVG）…</source>
        <translation>Export chart (PNG/SVG)…</translation>
    </message>
    <message>
        <source>导出数据（CSV/Excel）…</source>
        <translation>Export data (CSV/Excel)…</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>点击文档中的数字以查看其指标序列。</source>
        <translation>Click a figure in the document to see its indicator series.</translation>
    </message>
    <message>
        <source>导出图表</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <source>导出数据</source>
        <translation>Export data</translation>
    </message>
    <message>
        <source>指标：</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <source>该数字未关联指标：%1</source>
        <translation>This figure is not linked to an indicator: %1</translation>
    </message>
    <message>
        <source>指标“%1”暂无可绘制的数据点（数字缺少年份或地区）。</source>
        <translation>Nothing to chart for “%1” yet (its figures lack a year or a region).</translation>
    </message>
    <message>
        <source>不少于/超过</source>
        <translation>at least / more than</translation>
    </message>
    <message>
        <source>%1：%2 个数据点，%3 个地区</source>
        <translation>%1: %2 points, %3 regions</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>target</translation>
    </message>
    <message>
        <source>预计</source>
        <translation>estimate</translation>
    </message>
    <message>
        <source>未打开文档</source>
        <translation>No document open</translation>
    </message>
    <message>
        <source>从左侧文档库选择一篇报告，或通过 文件 → 导入报告… 添加。</source>
        <translation>Choose a report in the library on the left, or add one with File → Import reports…</translation>
    </message>
    <message numerus="yes">
        <source>%n 个已关联指标</source>
        <translation>
            <numerusform>%n linked to an indicator</numerusform>
            <numerusform>%n linked to indicators</numerusform>
        </translation>
    </message>
    <message>
        <source>新闻</source>
        <translation>news</translation>
    </message>
    <message>
        <source>规划</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>report</translation>
    </message>
    <message numerus="yes">
        <source>%n 个数字</source>
        <translation>
            <numerusform>%n figure</numerusform>
            <numerusform>%n figures</numerusform>
        </translation>
    </message>
    <message>
        <source>原文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>规范值</source>
        <translation>Normalised</translation>
    </message>
    <message>
        <source>时期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>（未关联）</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>实体</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>提及</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>文档</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>别名</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <source>本文档</source>
        <translation>This document</translation>
    </message>
    <message>
        <source>全部文档</source>
        <translation>All documents</translation>
    </message>
    <message>
        <source>筛选实体</source>
        <translation>Filter entities</translation>
    </message>
    <message>
        <source>提及该实体的文档</source>
        <translation>Documents mentioning the entity</translation>
    </message>
    <message>
        <source>提及“%1”的文档（%2）</source>
        <translation>Documents mentioning “%1” (%2)</translation>
    </message>
    <message>
        <source>在本文档中查找</source>
        <translation>Find in this document</translation>
    </message>
    <message>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message numerus="yes">
        <source>%n 处</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>正在准备导入…</source>
        <translation>Preparing the import…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导入报告</source>
        <translation>Import reports</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>导入已取消。</source>
        <translation>The import was cancelled.</translation>
    </message>
    <message>
        <source>导入失败：</source>
        <translation>The import failed: </translation>
    </message>
    <message>
        <source>预计剩余 %1 秒</source>
        <translation>About %1 s left</translation>
    </message>
    <message>
        <source>已导入 %1 / %2：%3</source>
        <translation>Imported %1 of %2: %3</translation>
    </message>
    <message>
        <source>数字：</source>
        <translation>Figures:</translation>
    </message>
    <message>
        <source>重复段落</source>
        <translation>Repeated paragraph</translation>
    </message>
    <message>
        <source>搜索结果</source>
        <translation>Search hit</translation>
    </message>
    <message>
        <source>实体：</source>
        <translation>Entities:</translation>
    </message>
    <message>
        <source>按标题筛选</source>
        <translation>Filter by title</translation>
    </message>
    <message>
        <source>全部地区</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>文档库</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>指标图表</source>
        <translation>Indicator chart</translation>
    </message>
    <message>
        <source>全文搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>导入文件夹</source>
        <translation>Import a folder</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>文档库：%1</source>
        <translation>Store: %1</translation>
    </message>
    <message>
        <source>报告文件</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>未关联指标</source>
        <translation>no indicator</translation>
    </message>
    <message>
        <source>字号：%1 磅</source>
        <translation>Font size: %1 pt</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于 Qt…</source>
        <translation>About Qt…</translation>
    </message>
    <message>
        <source>导入报告…</source>
        <translation>Import reports…</translation>
    </message>
    <message>
        <source>导入文件夹…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <source>导出图表…</source>
        <translation>Export chart…</translation>
    </message>
    <message>
        <source>导出数据…</source>
        <translation>Export data…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>在文档中查找…</source>
        <translation>Find in document…</translation>
    </message>
    <message>
        <source>搜索全部报告…</source>
        <translation>Search all reports…</translation>
    </message>
    <message>
        <source>下一个数字</source>
        <translation>Next figure</translation>
    </message>
    <message>
        <source>上一个数字</source>
        <translation>Previous figure</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>默认字号</source>
        <translation>Default size</translation>
    </message>
    <message>
        <source>关于…</source>
        <translation>About…</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Money</translation>
    </message>
    <message>
        <source>百分比</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>百分点</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>倍数</source>
        <translation>Multiple</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>实物量</source>
        <translation>Physical</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>实际值</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>预计值</source>
        <translation>estimate</translation>
    </message>
    <message>
        <source>目标值</source>
        <translation>target</translation>
    </message>
    <message>
        <source>增减量</source>
        <translation>change</translation>
    </message>
    <message>
        <source>增长率</source>
        <translation>growth rate</translation>
    </message>
    <message>
        <source>占比</source>
        <translation>share</translation>
    </message>
    <message>
        <source>精确</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>超过</source>
        <translation>more than</translation>
    </message>
    <message>
        <source>不少于</source>
        <translation>at least</translation>
    </message>
    <message>
        <source>约</source>
        <translation>about</translation>
    </message>
    <message>
        <source>不到</source>
        <translation>under</translation>
    </message>
    <message>
        <source>区间</source>
        <translation>range</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>人物</source>
        <translation>People</translation>
    </message>
    <message>
        <source>政策文件</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>项目平台</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>搜索全部报告（Ctrl+K）</source>
        <translation>Search all reports (Ctrl+K)</translation>
    </message>
    <message>
        <source>“%1”：%2 条结果，%3 篇文档</source>
        <translation>“%1”: %2 results in %3 documents</translation>
    </message>
    <message>
        <source>不符</source>
        <translation>inconsistent</translation>
    </message>
    <message>
        <source>修改批注</source>
        <translation>edit note</translation>
    </message>
    <message>
        <source>全部结果</source>
        <translation>All findings</translation>
    </message>
    <message>
        <source>分项</source>
        <translation>part</translation>
    </message>
    <message>
        <source>分项与总数</source>
        <translation>Parts and total</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除批注</source>
        <translation>delete note</translation>
    </message>
    <message>
        <source>原文已变更，找不到原文</source>
        <translation>Text changed, quote not found</translation>
    </message>
    <message>
        <source>原文：</source>
        <translation>Quoted text:</translation>
    </message>
    <message>
        <source>另一数值</source>
        <translation>other value</translation>
    </message>
    <message>
        <source>另见</source>
        <translation>also at</translation>
    </message>
    <message>
        <source>只显示需关注的结果</source>
        <translation>Show only findings that need attention</translation>
    </message>
    <message>
        <source>同值来源</source>
        <translation>same value in</translation>
    </message>
    <message>
        <source>基期值</source>
        <translation>base value</translation>
    </message>
    <message>
        <source>增减核算</source>
        <translation>Stated changes</translation>
    </message>
    <message>
        <source>审阅报告已导出：%1（%2 秒）</source>
        <translation>Review report exported: %1 (%2 s)</translation>
    </message>
    <message>
        <source>导出审阅报告</source>
        <translation>Export review report</translation>
    </message>
    <message>
        <source>导出审阅报告…</source>
        <translation>Export review report…</translation>
    </message>
    <message>
        <source>尚无实际数据</source>
        <translation>not yet reported</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>met</translation>
    </message>
    <message>
        <source>已定位</source>
        <translation>anchored</translation>
    </message>
    <message>
        <source>已重新定位</source>
        <translation>moved</translation>
    </message>
    <message>
        <source>异常值</source>
        <translation>Outliers</translation>
    </message>
    <message>
        <source>总数</source>
        <translation>total</translation>
    </message>
    <message>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>批注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>数据冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>文中所述</source>
        <translation>stated</translation>
    </message>
    <message>
        <source>无法核对</source>
        <translation>cannot check</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>本期值</source>
        <translation>current value</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>标签：</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>核查</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>核查(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>核查完成（%1 秒）</source>
        <translation>Checks done (%1 s)</translation>
    </message>
    <message>
        <source>段落</source>
        <translation>paragraph</translation>
    </message>
    <message>
        <source>段落重复</source>
        <translation>repeated</translation>
    </message>
    <message>
        <source>添加批注</source>
        <translation>add note</translation>
    </message>
    <message>
        <source>添加批注…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>用逗号或空格分隔，如：存疑, 待核实</source>
        <translation>separated by commas or spaces, e.g. doubtful, to-verify</translation>
    </message>
    <message>
        <source>目标完成</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>目标已完成</source>
        <translation>target met</translation>
    </message>
    <message>
        <source>目标未完成</source>
        <translation>target missed</translation>
    </message>
    <message>
        <source>相符</source>
        <translation>consistent</translation>
    </message>
    <message>
        <source>相邻年份</source>
        <translation>neighbouring year</translation>
    </message>
    <message>
        <source>终止值</source>
        <translation>end value</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>该批注的原文已变更，找不到原文。</source>
        <translation>The text of this note has changed; its quote was not found.</translation>
    </message>
    <message>
        <source>请先在文档中选中要批注的文字。</source>
        <translation>First select the text to annotate in the document.</translation>
    </message>
    <message>
        <source>请核实</source>
        <translation>please check</translation>
    </message>
    <message>
        <source>起始值</source>
        <translation>start value</translation>
    </message>
    <message>
        <source>选择一条核查结果以查看说明和依据。</source>
        <translation>Choose a finding to see its explanation and evidence.</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>重新核查</source>
        <translation>Run checks again</translation>
    </message>
    <message>
        <source>需关注</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>需关注 %1 条，共 %2 条</source>
        <translation>%1 need attention of %2</translation>
    </message>
    <message>
        <source>需核查</source>
        <translation>to check</translation>
    </message>
    <message>
        <source>（无内容）</source>
        <translation>(empty)</translation>
    </message>
    <message numerus="yes">
        <source>%n 条批注</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 条找不到原文</source>
        <translation>
            <numerusform>%n with its quote gone</numerusform>
            <numerusform>%n with their quotes gone</numerusform>
        </translation>
    </message>
    <message>
        <source>另有 %1 处依据未列出</source>
        <translation>%1 more pieces of evidence not listed</translation>
    </message>
    <message>
        <source>显示更多（还有 %1 个）</source>
        <translation>Show more (%1 left)</translation>
    </message>
    <message>
        <source>核查结果统计失败：%1</source>
        <translation>Counting the check results failed: %1</translation>
    </message>
    <message>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>（另有 %1 个地区未显示，见“地区”菜单）</source>
        <translation>(%1 more regions not shown; see the Regions menu)</translation>
    </message>
    <message>
        <source>（%1 处数值众多，画作区间）</source>
        <translation>(%1 places with many values, drawn as ranges)</translation>
    </message>
    <message>
        <source>数值众多处：最低至最高，上方为数值个数</source>
        <translation>places of many values: lowest to highest, their number above</translation>
    </message>
    <message numerus="yes">
        <source>%n 份报告给出 %1 个不同数值</source>
        <translation>
            <numerusform>%n report gives %1 different values</numerusform>
            <numerusform>%n reports give %1 different values</numerusform>
        </translation>
    </message>
    <message>
        <source>新导入 %1，更新 %2，重新分析 %3，未变 %4，失败 %5。</source>
        <translation>%1 new, %2 updated, %3 re-analysed, %4 unchanged, %5 failed.</translation>
    </message>
    <message>
        <source>需核对</source>
        <translation>to verify</translation>
    </message>
    <message>
        <source>需核对：指标、地区或年份系推断所得，并非读自原文</source>
        <translation>To verify: the indicator, region or year was inferred, not read from the text</translation>
    </message>
    <message>
        <source>判定依据</source>
        <translation>How it was found</translation>
    </message>
    <message>
        <source>指标库（原文名称）</source>
        <translation>taxonomy (named in the text)</translation>
    </message>
    <message>
        <source>指标库（按级别）</source>
        <translation>taxonomy (by level)</translation>
    </message>
    <message>
        <source>指标库（比率）</source>
        <translation>taxonomy (ratio)</translation>
    </message>
    <message>
        <source>“分别”列举</source>
        <translation>a 分别 (respectively) list</translation>
    </message>
    <message>
        <source>沿用前一分句</source>
        <translation>carried from an earlier clause</translation>
    </message>
    <message>
        <source>用户词表（临时指标映射）</source>
        <translation>user lexicon (provisional mapping)</translation>
    </message>
    <message>
        <source>临时（取自原文短语）</source>
        <translation>provisional (a phrase of the text)</translation>
    </message>
    <message>
        <source>（临时指标）</source>
        <translation> (provisional indicator)</translation>
    </message>
    <message>
        <source>未记录</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>所在分句</source>
        <translation>its clause</translation>
    </message>
    <message>
        <source>所在句子</source>
        <translation>its sentence</translation>
    </message>
    <message>
        <source>所在章节</source>
        <translation>its section</translation>
    </message>
    <message>
        <source>文件所属地区</source>
        <translation>the document's place</translation>
    </message>
    <message>
        <source>文件默认（从全文推断）</source>
        <translation>document default (inferred from its text)</translation>
    </message>
    <message>
        <source>所在章节标题</source>
        <translation>its section heading</translation>
    </message>
    <message>
        <source>上文所述时期</source>
        <translation>the period the text is about</translation>
    </message>
    <message>
        <source>目标年份</source>
        <translation>the target year</translation>
    </message>
    <message>
        <source>文件年份（推断）</source>
        <translation>the document's year (guessed)</translation>
    </message>
    <message>
        <source>地区：</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>空心：需核对（指标、地区或年份系推断）</source>
        <translation>hollow: to verify (indicator, region or year inferred)</translation>
    </message>
    <message numerus="yes">
        <source>%n 个需核对</source>
        <translation>
            <numerusform>%n to verify</numerusform>
            <numerusform>%n to verify</numerusform>
        </translation>
    </message>
    <message>
        <source>重新分析…</source>
        <translation>Re-analyse…</translation>
    </message>
    <message>
        <source>重新分析</source>
        <translation>Re-analyse</translation>
    </message>
    <message>
        <source>正在准备重新分析…</source>
        <translation>Preparing the re-analysis…</translation>
    </message>
    <message>
        <source>已重新分析 %1 / %2：%3</source>
        <translation>Re-analysed %1 of %2: %3</translation>
    </message>
    <message>
        <source>重新分析失败：</source>
        <translation>Re-analysis failed: </translation>
    </message>
    <message>
        <source>重新分析了 %1 份报告：%2 份报告中的 %3 个数字有变化，失败 %4。</source>
        <translation>Re-analysed %1 reports: %3 figures changed in %2 reports, %4 failed.</translation>
    </message>
    <message>
        <source>重新分析已取消；已分析的报告已保存。</source>
        <translation>Re-analysis cancelled; the reports already analysed are saved.</translation>
    </message>
    <message>
        <source>文档库中还没有报告。</source>
        <translation>The library has no reports yet.</translation>
    </message>
    <message>
        <source>用当前的程序和词库重新分析文档库中的全部 %1 份报告？不需要原文件；批注和更正会保留。</source>
        <translation>Analyse all %1 reports of the library again with the current program and lexicon? The original files are not needed; notes and corrections are kept.</translation>
    </message>
    <message>
        <source>筛选：数字、指标、文档、更正人…</source>
        <translation>Filter: figure, indicator, document, reviewer…</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部字段</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>当前文档</source>
        <translation>This document</translation>
    </message>
    <message>
        <source>转到出处</source>
        <translation>Go to source</translation>
    </message>
    <message>
        <source>撤销更正</source>
        <translation>Undo correction</translation>
    </message>
    <message>
        <source>删除这条更正，数字恢复为程序识别的值（可用“撤销”恢复）</source>
        <translation>Remove this correction and give the figure back the program's values (Undo brings it back)</translation>
    </message>
    <message>
        <source>显示 %1 / %2 条更正</source>
        <translation>Showing %1 of %2 corrections</translation>
    </message>
    <message>
        <source>已应用</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>已应用（位置有变）</source>
        <translation>Applied (text moved)</translation>
    </message>
    <message>
        <source>原文已不存在</source>
        <translation>Quoted text gone</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>更正人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>首次更正</source>
        <translation>First corrected</translation>
    </message>
    <message>
        <source>原文中已找不到该数字：%1</source>
        <translation>The figure is no longer in the text: %1</translation>
    </message>
    <message>
        <source>撤销更正 %1</source>
        <translation>Undo correction %1</translation>
    </message>
    <message>
        <source>该更正所在的文档已不在文档库中：%1</source>
        <translation>The correction's document is no longer in the library: %1</translation>
    </message>
    <message>
        <source>该更正的数字“%1”已不在文档中，更正未应用。</source>
        <translation>The corrected figure “%1” is no longer in the document; the correction is not applied.</translation>
    </message>
    <message>
        <source>筛选临时指标或例句…</source>
        <translation>Filter provisional indicators or examples…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>映射到指标…</source>
        <translation>Map to Indicator…</translation>
    </message>
    <message>
        <source>把该临时指标的全部数字归入分类表中的一个指标（写入用户词表并重新分析）</source>
        <translation>File all figures of this provisional indicator under an indicator of the taxonomy (written to the user lexicon, then re-analysed)</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>给该临时指标换一个名称（写入用户词表并重新分析）</source>
        <translation>Give this provisional indicator another name (written to the user lexicon, then re-analysed)</translation>
    </message>
    <message>
        <source>显示 %1 / %2 个临时指标</source>
        <translation>Showing %1 of %2 provisional indicators</translation>
    </message>
    <message>
        <source>临时指标</source>
        <translation>Provisional Indicators</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>例句</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>将移动 %3 个数字（%4 份文档）：映射写入用户词表，并重新分析这些文档；以后导入的报告也照此归类。</source>
        <translation>%3 figures in %4 documents will move: the mapping is written to the user lexicon and these documents are analysed again; reports imported later are filed the same way.</translation>
    </message>
    <message>
        <source>把临时指标“%1”归入指标“%2”？</source>
        <translation>File the provisional indicator “%1” under the indicator “%2”?</translation>
    </message>
    <message>
        <source>把临时指标“%1”改名为“%2”？</source>
        <translation>Rename the provisional indicator “%1” to “%2”?</translation>
    </message>
    <message>
        <source>重命名临时指标</source>
        <translation>Rename Provisional Indicator</translation>
    </message>
    <message>
        <source>映射临时指标</source>
        <translation>Map Provisional Indicator</translation>
    </message>
    <message>
        <source>正在导入或重新分析，请稍后再映射。</source>
        <translation>An import or re-analysis is running; map again when it has finished.</translation>
    </message>
    <message>
        <source>还有 %1 份文档未重新分析，再次映射即可完成。</source>
        <translation>%1 documents were not analysed again; map again to finish them.</translation>
    </message>
    <message>
        <source>“%1”的新名称：</source>
        <translation>New name for “%1”:</translation>
    </message>
    <message>
        <source>把临时指标“%1”（%2 个数字）归入：</source>
        <translation>File the provisional indicator “%1” (%2 figures) under:</translation>
    </message>
    <message>
        <source>映射失败：%1</source>
        <translation>Mapping failed: %1</translation>
    </message>
    <message>
        <source>未知错误</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>无法映射：%1</source>
        <translation>Cannot map: %1</translation>
    </message>
    <message>
        <source>临时指标“%1”已归入“%2”：重新分析 %3 份文档，%4 个数字有变化。</source>
        <translation>Provisional indicator “%1” filed under “%2”: %3 documents analysed again, %4 figures changed.</translation>
    </message>
    <message>
        <source>临时指标读取失败：%1</source>
        <translation>Could not read the provisional indicators: %1</translation>
    </message>
    <message>
        <source>选择指标</source>
        <translation>Choose Indicator</translation>
    </message>
    <message>
        <source>搜索指标名称或别名…</source>
        <translation>Search indicator names or aliases…</translation>
    </message>
    <message>
        <source>别名：%1</source>
        <translation>Aliases: %1</translation>
    </message>
    <message>
        <source>更正记录</source>
        <translation>Corrections</translation>
    </message>
    <message numerus="yes">
        <source>%n 条更正</source>
        <translation>
            <numerusform>%n correction</numerusform>
            <numerusform>%n corrections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 条原文已不存在</source>
        <translation>
            <numerusform>%n with its text gone</numerusform>
            <numerusform>%n with their text gone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个临时指标</source>
        <translation>
            <numerusform>%n provisional indicator</numerusform>
            <numerusform>%n provisional indicators</numerusform>
        </translation>
    </message>
    <message>
        <source>%1：%2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>审核员更正过的数字（撤销：Ctrl+Z；更正数字：F2）</source>
        <translation>Figures a reviewer corrected (undo: Ctrl+Z; correct a figure: F2)</translation>
    </message>
    <message>
        <source>不计入</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <source>审核员标为不计入序列：不是数据点</source>
        <translation>Marked by a reviewer as not a data point: in no series</translation>
    </message>
    <message>
        <source>%1–%2年</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1年%2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>%1年1–%2月</source>
        <translation>%1 months 1–%2</translation>
    </message>
    <message>
        <source>%1年截至%2月</source>
        <translation>%1 through month %2</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>上半年</source>
        <translation>First half</translation>
    </message>
    <message>
        <source>下半年</source>
        <translation>Second half</translation>
    </message>
    <message>
        <source>一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>前三季度</source>
        <translation>Q1–Q3</translation>
    </message>
    <message>
        <source>1–N月</source>
        <translation>Months 1–N</translation>
    </message>
    <message>
        <source>截至N月</source>
        <translation>To end of month N</translation>
    </message>
    <message>
        <source>跨年时期</source>
        <translation>Span of years</translation>
    </message>
    <message>
        <source>无年份</source>
        <translation>No year</translation>
    </message>
    <message>
        <source>上限值</source>
        <translation>Upper value</translation>
    </message>
    <message>
        <source>起始年</source>
        <translation>First year</translation>
    </message>
    <message>
        <source>截止年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>不计入序列</source>
        <translation>Not a data point</translation>
    </message>
    <message>
        <source>不计入序列(&amp;X)：不是数据点（如电话号码、二期、第一梯队）</source>
        <translation>E&amp;xclude: not a data point (e.g. a phone number, a phase 二期, a tier 第一梯队)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>指标(&amp;I)：</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <source>地区(&amp;P)：</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>时期(&amp;Y)：</source>
        <translation>&amp;Year and period:</translation>
    </message>
    <message>
        <source>角色(&amp;R)：</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>数值(&amp;V)：</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <source>地名库中没有“%1”：请从列表中选择。</source>
        <translation>The gazetteer has no “%1”: choose a place from the list.</translation>
    </message>
    <message>
        <source>地名库中没有该地名</source>
        <translation>Not a place of the gazetteer</translation>
    </message>
    <message>
        <source>如 86、1.2万、10–20</source>
        <translation>e.g. 86, 1.2万, 10–20</translation>
    </message>
    <message>
        <source>存为：%1 %2（基本单位）</source>
        <translation>Stored as: %1 %2 (base unit)</translation>
    </message>
    <message>
        <source>审核员更正</source>
        <translation>Reviewer's correction</translation>
    </message>
    <message>
        <source>已更正：%1</source>
        <translation>Corrected: %1</translation>
    </message>
    <message>
        <source>库中 %1 个数字</source>
        <translation>%1 figures in the library</translation>
    </message>
    <message>
        <source>指标库</source>
        <translation>Taxonomy</translation>
    </message>
    <message>
        <source>用户词库</source>
        <translation>User lexicon</translation>
    </message>
    <message>
        <source>暂定指标</source>
        <translation>Provisional indicator</translation>
    </message>
    <message>
        <source>数值有误：请输入数字，如 86、1.2万，或区间 10–20（上限不小于下限）。</source>
        <translation>Value not understood: type a number such as 86 or 1.2万, or a range 10–20 (the upper end not below the lower).</translation>
    </message>
    <message>
        <source>时期有误：跨年时期的起始年须早于截止年。</source>
        <translation>Period not possible: a span of years must start before it ends.</translation>
    </message>
    <message>
        <source>新名称：作为暂定指标</source>
        <translation>New name: kept as a provisional indicator</translation>
    </message>
    <message>
        <source>无地区：不进入任何序列</source>
        <translation>No place: the figure joins no series</translation>
    </message>
    <message>
        <source>无指标：不进入任何序列</source>
        <translation>No indicator: the figure joins no series</translation>
    </message>
    <message>
        <source>更正 %1</source>
        <translation>Correct %1</translation>
    </message>
    <message>
        <source>更正“%1”…</source>
        <translation>Correct “%1”…</translation>
    </message>
    <message>
        <source>更正数字</source>
        <translation>Correct figure</translation>
    </message>
    <message>
        <source>更正数字…</source>
        <translation>Correct figure…</translation>
    </message>
    <message>
        <source>未能更正：%1</source>
        <translation>Could not correct: %1</translation>
    </message>
    <message>
        <source>机器识别：%1</source>
        <translation>Read by the program: %1</translation>
    </message>
    <message>
        <source>该数字已不在文档库中（文档已重新导入？）。</source>
        <translation>The figure is no longer in the library (was its document imported again?).</translation>
    </message>
    <message>
        <source>该数据点</source>
        <translation>this point</translation>
    </message>
    <message>
        <source>请先在文档中选中一个数字（单击数字或按 F3）。</source>
        <translation>Select a figure in the document first (click it or press F3).</translation>
    </message>
    <message>
        <source>输入地名筛选，如 株洲、醴陵；留空表示无地区</source>
        <translation>Type to filter places, e.g. 株洲, 醴陵; leave empty for no place</translation>
    </message>
    <message>
        <source>输入指标名、别名或分组筛选；也可输入新名称</source>
        <translation>Type a name, alias or group to filter; or a new name</translation>
    </message>
    <message>
        <source>（无地区）</source>
        <translation>(no place)</translation>
    </message>
    <message>
        <source>（无指标）</source>
        <translation>(no indicator)</translation>
    </message>
    <message numerus="yes">
        <source>%n 个已更正</source>
        <translation>
            <numerusform>%n corrected</numerusform>
            <numerusform>%n corrected</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”：共 %2，%3</source>
        <translation>“%1”: %2 in %3</translation>
    </message>
    <message>
        <source>“%1”：已列出前 %2 句，正在统计总数…</source>
        <translation>“%1”: the first %2 sentences listed, counting all…</translation>
    </message>
    <message>
        <source>“%1”：统计总数失败（%2）</source>
        <translation>“%1”: counting failed (%2)</translation>
    </message>
    <message>
        <source>“%1”：没有结果</source>
        <translation>“%1”: no hits</translation>
    </message>
    <message>
        <source>已列出 %1 / %2 句</source>
        <translation>%1 of %2 sentences listed</translation>
    </message>
    <message>
        <source>，向下滚动加载更多</source>
        <translation>; scroll down for more</translation>
    </message>
    <message>
        <source>另有 %1 个文档</source>
        <translation>%1 more documents</translation>
    </message>
    <message>
        <source>▲ 上一处</source>
        <translation>▲ Previous</translation>
    </message>
    <message>
        <source>下一处 ▼</source>
        <translation>Next ▼</translation>
    </message>
    <message>
        <source>上一处提及（Shift+F4）</source>
        <translation>Previous mention (Shift+F4)</translation>
    </message>
    <message>
        <source>下一处提及（F4）</source>
        <translation>Next mention (F4)</translation>
    </message>
    <message>
        <source>第 %1 / %2 处</source>
        <translation>Mention %1 of %2</translation>
    </message>
    <message>
        <source>本文档未提及“%1”</source>
        <translation>This document does not mention “%1”</translation>
    </message>
    <message>
        <source>实体的下一处提及</source>
        <translation>Next mention of the entity</translation>
    </message>
    <message>
        <source>实体的上一处提及</source>
        <translation>Previous mention of the entity</translation>
    </message>
    <message numerus="yes">
        <source>%n 个文档</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>该文档库由更新版本的程序写入（结构版本 %1，本程序支持到 %2），本程序没有修改它。请更新程序后再打开。</source>
        <translation>This library was written by a newer version of the program (schema %1, this version supports up to %2). It was left unchanged. Update the program to open it.</translation>
    </message>
    <message>
        <source>该文档库由更新版本的程序写入，本程序没有修改它。请更新程序后再打开。</source>
        <translation>This library was written by a newer version of the program. It was left unchanged. Update the program to open it.</translation>
    </message>
    <message>
        <source>该文件不是本程序的文档库，或已经损坏。</source>
        <translation>This file is not a library of this program, or it is damaged.</translation>
    </message>
    <message>
        <source>无法打开或写入该文件。请检查文件夹是否存在、是否有读写权限，以及所在磁盘是否可用。</source>
        <translation>The file cannot be opened or written. Check that its folder exists, that you may read and write there, and that its drive is available.</translation>
    </message>
    <message>
        <source>该文档库正被另一个程序使用（已锁定）。请关闭那个程序后重试。</source>
        <translation>Another program is using this library (it is locked). Close that program and try again.</translation>
    </message>
    <message>
        <source>磁盘已满，无法写入文档库。请释放磁盘空间后重试。</source>
        <translation>The disk is full, so the library cannot be written. Free some disk space and try again.</translation>
    </message>
    <message>
        <source>文档库出错。</source>
        <translation>The library reported an error.</translation>
    </message>
    <message>
        <source>无法使用文档库：%1</source>
        <translation>Cannot use the library %1</translation>
    </message>
    <message>
        <source>（未知文件）</source>
        <translation>(unknown file)</translation>
    </message>
    <message>
        <source>系统信息：%1</source>
        <translation>The system said: %1</translation>
    </message>
    <message>
        <source>文档库无法使用</source>
        <translation>The library cannot be used</translation>
    </message>
    <message>
        <source>导入、分析或核查正在进行，请在完成后再切换界面语言。</source>
        <translation>An import, an analysis or a check is running. Switch the interface language when it has finished.</translation>
    </message>
    <message>
        <source>切换界面语言会重新打开窗口，撤销记录将清空（已做的修改都已保存）。现在切换吗？</source>
        <translation>Switching the interface language opens the window again and clears the undo history (everything you changed is saved). Switch now?</translation>
    </message>
    <message>
        <source>界面语言已切换。</source>
        <translation>The interface language has been switched.</translation>
    </message>
    <message>
        <source>未能撤销更正：%1</source>
        <translation>Could not undo the correction: %1</translation>
    </message>
    <message>
        <source>单击例句，在文档中查看</source>
        <translation>Click an example to see it in its document</translation>
    </message>
    <message>
        <source>“%1”不在这个数字所在的句子里。</source>
        <translation>"%1" is not in the sentence of this figure.</translation>
    </message>
    <message>
        <source>上一次预览尚未结束。</source>
        <translation>The previous preview has not finished yet.</translation>
    </message>
    <message>
        <source>原文中的指标或地区名称，如：科创投入总额</source>
        <translation>The indicator or place as the report words it, e.g. 科创投入总额</translation>
    </message>
    <message>
        <source>原文短语：</source>
        <translation>Phrase in the report:</translation>
    </message>
    <message>
        <source>只有更改了指标或地区的更正才能应用到所有文档。</source>
        <translation>Only a correction that changes the indicator or the place can be applied to all documents.</translation>
    </message>
    <message>
        <source>应用到所有文档</source>
        <translation>Apply to all documents</translation>
    </message>
    <message>
        <source>应用到所有文档(&amp;A)</source>
        <translation>&amp;Apply to all documents</translation>
    </message>
    <message>
        <source>把“%1”作为地区“%2”的别名写入用户词表？</source>
        <translation>Add "%1" to your lexicon as an alias of the place "%2"?</translation>
    </message>
    <message>
        <source>把“%1”作为指标“%2”的别名写入用户词表？</source>
        <translation>Add "%1" to your lexicon as an alias of the indicator "%2"?</translation>
    </message>
    <message>
        <source>把下面的原文短语写入用户词表，并重新分析含有它的文档；预览会先说明将改变多少个数字。</source>
        <translation>Write the phrase below to your lexicon and analyse again the documents that contain it; a preview first says how many figures will change.</translation>
    </message>
    <message>
        <source>把临时指标“%1”归入“%2”，写入用户词表？</source>
        <translation>File the provisional indicator "%1" under "%2" in your lexicon?</translation>
    </message>
    <message>
        <source>无法写入用户词表：%1</source>
        <translation>Could not write your lexicon: %1</translation>
    </message>
    <message>
        <source>正在导入或重新分析，请稍后再应用到所有文档。</source>
        <translation>An import or re-analysis is running; apply to all documents when it has finished.</translation>
    </message>
    <message>
        <source>正在预览应用到所有文档的效果…</source>
        <translation>Previewing what applying to all documents changes…</translation>
    </message>
    <message>
        <source>请填写至少两个字的原文短语。</source>
        <translation>Enter a phrase of at least two characters from the report.</translation>
    </message>
    <message>
        <source>重新分析含有它的 %3 份文档：%4 个数字将改变（%5 份文档）。以后导入的报告也照此归类。</source>
        <translation>The %3 documents that contain it will be analysed again: %4 figures will change (in %5 documents). Reports imported later are filed the same way.</translation>
    </message>
    <message>
        <source>用户词表</source>
        <translation>User lexicon</translation>
    </message>
    <message>
        <source>用户词表有误，本次使用内置的指标和地名：</source>
        <translation>Your lexicon has a mistake; this run uses the bundled indicators and places:</translation>
    </message>
    <message>
        <source>改正该文件（或用 policy-viewer lexicon 命令）后重新启动。</source>
        <translation>Correct the file (or use the policy-viewer lexicon command), then start again.</translation>
    </message>
    <message>
        <source>用户词表有误，未使用。</source>
        <translation>Your lexicon has a mistake and is not used.</translation>
    </message>
    <message>
        <source>部分年度</source>
        <translation>Part of a year</translation>
    </message>
    <message>
        <source>选择指标…</source>
        <translation>Choose an indicator…</translation>
    </message>
    <message>
        <source>不在全年线上</source>
        <translation>not on the full-year line</translation>
    </message>
    <message>
        <source>部分年度超全年</source>
        <translation>Part of a year above a whole year</translation>
    </message>
    <message>
        <source>全年数值</source>
        <translation>Whole-year value</translation>
    </message>
    <message>
        <source>无法确定</source>
        <translation>Cannot tell</translation>
    </message>
    <message>
        <source>未核对</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>最新实际</source>
        <translation>Latest actual</translation>
    </message>
    <message>
        <source>全部目标</source>
        <translation>All targets</translation>
    </message>
    <message>
        <source>正在读取目标…</source>
        <translation>Reading the targets…</translation>
    </message>
    <message>
        <source>共 %1 个目标</source>
        <translation>%1 targets</translation>
    </message>
    <message>
        <source>目标读取失败：%1</source>
        <translation>Could not read the targets: %1</translation>
    </message>
    <message>
        <source>该目标所在的文档已不在文档库中。</source>
        <translation>The report of this target is no longer in the library.</translation>
    </message>
    <message>
        <source>• %1：批注 %2 条移到新版本，%3 条已失效；更正 %4 条移到新版本，%5 条已失效</source>
        <translation>• %1: notes %2 moved to the new version, %3 orphaned; corrections %4 moved, %5 orphaned</translation>
    </message>
    <message>
        <source>…另有 %1 份</source>
        <translation>...and %1 more</translation>
    </message>
    <message>
        <source>从文档库中移除 %1 份文档？</source>
        <translation>Remove %1 documents from the library?</translation>
    </message>
    <message>
        <source>保留两份</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <source>发现新版本</source>
        <translation>New versions found</translation>
    </message>
    <message>
        <source>已用新版本替换 %1 份旧报告。</source>
        <translation>Replaced %1 old reports by their new versions.</translation>
    </message>
    <message>
        <source>已移除 %1 份文档；%2 条批注、%3 条更正已保留（已失效）。</source>
        <translation>Removed %1 documents; %2 notes and %3 corrections kept (orphaned).</translation>
    </message>
    <message>
        <source>引用这些文档的 %1 条核查结果将重新核查；搜索、图表和审阅报告不再包含它们。移除不能撤销，但原文件不受影响，重新导入即可恢复。</source>
        <translation>The %1 findings citing these documents are checked again; search, chart and review report no longer include them. Removing cannot be undone, but the original files are not touched: import them again to bring the reports back.</translation>
    </message>
    <message>
        <source>新版本（刚导入）</source>
        <translation>New version (just imported)</translation>
    </message>
    <message>
        <source>旧版本的批注 / 更正</source>
        <translation>Notes / corrections of the old version</translation>
    </message>
    <message>
        <source>旧版本（将被替换）</source>
        <translation>Old version (to be replaced)</translation>
    </message>
    <message>
        <source>替换所选旧版本</source>
        <translation>Replace the checked old versions</translation>
    </message>
    <message>
        <source>相同段落 / 旧版本段落</source>
        <translation>Shared / old paragraphs</translation>
    </message>
    <message>
        <source>示例报告</source>
        <translation>Sample reports</translation>
    </message>
    <message>
        <source>示例文档库（虚构报告，仅供演示）</source>
        <translation>Demo library (fictional reports, for demonstration only)</translation>
    </message>
    <message>
        <source>移除 %1 份文档…</source>
        <translation>Remove %1 documents…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>移除文档</source>
        <translation>Remove documents</translation>
    </message>
    <message>
        <source>移除文档…</source>
        <translation>Remove documents…</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>文档库为空。通过 文件 → 导入报告… 或把文件拖入窗口来添加报告；帮助 → 示例 打开自带的虚构示例。</source>
        <translation>The library is empty. Add reports with File → Import reports… or by dropping files onto the window; Help → Demo opens the bundled fictional samples.</translation>
    </message>
    <message>
        <source>它们有 %1 条批注、%2 条更正。批注和更正不会删除：它们保留在文档库中，标为“已失效”，可在 批注（全部文档）和 更正记录 中查看；再次导入同一文件时会重新挂回原处。</source>
        <translation>They have %1 notes and %2 corrections. Notes and corrections are not deleted: they stay in the library, marked orphaned, listed under Notes (all documents) and Corrections; importing the same file again re-attaches them.</translation>
    </message>
    <message>
        <source>刚导入的下列文件与文档库中已有的报告标题相同、大部分段落相同，像是它们的新版本。替换后，旧版本从文档库移除，它的批注和更正按引文移到新版本上（新文本中找不到引文的标为“已失效”，不会删除）。保留两份时，相同段落都会被列为重复。</source>
        <translation>These files just imported have the title and most paragraphs of reports in the library: they look like new versions. Replacing removes the old version and moves its notes and corrections to the new one by their quotes (those whose quote is gone are kept, marked orphaned). If both are kept, every shared paragraph is listed as repeated.</translation>
    </message>
    <message>
        <source>此文档库中有 %1 份软件自带的虚构示例报告。它们的虚构城市会出现在图表、核查和审阅报告中。示例现在有自己的文档库（帮助 → 示例）。

从此文档库中移除这些示例吗？它们的 %2 条批注、%3 条更正会保留（标为“已失效”）。</source>
        <translation>This library holds %1 of the program's fictional sample reports. Their fictional cities appear in charts, checks and the review report. The samples now have a library of their own (Help → Demo).

Remove the samples from this library? Their %2 notes and %3 corrections are kept (marked orphaned).</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>只读：该文档库所在的文件夹或文件不可写入。可以阅读和导出，不能导入、批注或更正。如需修改，请把它复制到可写的文件夹后再打开。</source>
        <translation>Read-only: the library's folder or file cannot be written. You can read and export, not import, annotate or correct. To change it, copy it to a folder you can write to and open it there.</translation>
    </message>
    <message>
        <source>正在等待另一个导入完成…</source>
        <translation>Waiting for another import into this library to finish…</translation>
    </message>
    <message>
        <source>目标</source>
        <comment>targets table</comment>
        <translation>Targets</translation>
    </message>
    <message>
        <source>目标值</source>
        <comment>targets table</comment>
        <translation>Target</translation>
    </message>
    <message>
        <source>指标</source>
        <comment>targets table</comment>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>地区</source>
        <comment>targets table</comment>
        <translation>Region</translation>
    </message>
    <message>
        <source>目标年份</source>
        <comment>targets table</comment>
        <translation>Target year</translation>
    </message>
    <message>
        <source>最新实际</source>
        <comment>targets table</comment>
        <translation>Latest actual</translation>
    </message>
    <message>
        <source>状态</source>
        <comment>targets table</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>文档</source>
        <comment>targets table</comment>
        <translation>Document</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>下一期规划</source>
        <translation>Next plan</translation>
    </message>
    <message>
        <source>下一期规划（如十五五征求意见稿）</source>
        <translation>Next plan (e.g. a 15th Five-Year Plan draft)</translation>
    </message>
    <message>
        <source>勾选要与所选规划并列对比的其他规划：</source>
        <translation>Tick the other plans to set beside the chosen one:</translation>
    </message>
    <message>
        <source>各地对比</source>
        <translation>Places side by side</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>导出 Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <source>导出规划评估</source>
        <translation>Export plan evaluation</translation>
    </message>
    <message>
        <source>恢复此行</source>
        <translation>Include this row</translation>
    </message>
    <message>
        <source>排除此行</source>
        <translation>Exclude this row</translation>
    </message>
    <message>
        <source>排除此行…</source>
        <translation>Exclude this row…</translation>
    </message>
    <message>
        <source>排除理由（将写入导出的报告）：</source>
        <translation>Reason for the exclusion (written into the exports):</translation>
    </message>
    <message>
        <source>文档库中没有含目标的文档。导入规划和之后的工作报告后再评估。</source>
        <translation>No document in the library states a target. Import plans and the later work reports, then evaluate.</translation>
    </message>
    <message>
        <source>目标完成情况</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>规划评估</source>
        <translation>Plan evaluation</translation>
    </message>
    <message>
        <source>规划评估…</source>
        <translation>Plan evaluation…</translation>
    </message>
    <message>
        <source>规划路径</source>
        <translation>Planned path</translation>
    </message>
    <message>
        <source>请填写排除理由。</source>
        <translation>Please give a reason for the exclusion.</translation>
    </message>
    <message>
        <source>趋势外推</source>
        <translation>Trend projected</translation>
    </message>
    <message>
        <source>（不比较）</source>
        <translation>(no comparison)</translation>
    </message>
    <message>
        <source>文档库已损坏：%1</source>
        <translation>The library is damaged: %1</translation>
    </message>
    <message>
        <source>为免损失，本次以只读方式打开：可以阅读、搜索和导出，不能导入或修改。</source>
        <translation>To keep everything, it is open read-only this time: you can read, search and export, but not import or change anything.</translation>
    </message>
    <message>
        <source>请关闭本程序，先运行 policy-viewer backup 留一份副本，再运行 policy-viewer repair 修复。批注、更正、元数据修改和实体合并会从文档库旁的日志恢复；无法读出的报告会列出，重新导入即可。</source>
        <translation>Close the program, run policy-viewer backup to keep a copy, then policy-viewer repair to rebuild it. Notes, corrections, metadata edits and merges come back from the journal beside the library; reports that cannot be read are listed: import them again.</translation>
    </message>
    <message>
        <source>检查结果：%1</source>
        <translation>What the check found: %1</translation>
    </message>
    <message>
        <source>文档库已损坏</source>
        <translation>The library is damaged</translation>
    </message>
    <message>
        <source>文档库已损坏，只读</source>
        <translation>Library damaged: read-only</translation>
    </message>
    <message>
        <source>上次导入在核查时中断，正在补完数字核查…</source>
        <translation>The last import stopped during its checks: completing the figure checks…</translation>
    </message>
    <message>
        <source>数字核查已补完（%1 秒）</source>
        <translation>Figure checks completed (%1 s)</translation>
    </message>
    <message>
        <source>该文档库已经损坏。请先运行 policy-viewer backup 留一份副本，再运行 policy-viewer repair 修复：批注、更正、元数据修改和实体合并会从文档库旁的日志恢复。</source>
        <translation>The library is damaged. Run policy-viewer backup to keep a copy, then policy-viewer repair to rebuild it: notes, corrections, metadata edits and merges come back from the journal beside it.</translation>
    </message>
    <message>
        <source>后台任务</source>
        <translation>Background work</translation>
    </message>
    <message>
        <source>批注读取失败：%1</source>
        <translation>The notes could not be read: %1</translation>
    </message>
    <message>
        <source>正在读取文档库…</source>
        <translation>Reading the library…</translation>
    </message>
    <message>
        <source>今年以来</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <source>%1年今年以来（%2月发布）</source>
        <translation>Year to date %1 (published in month %2)</translation>
    </message>
    <message>
        <source>发布月不详</source>
        <translation>publication month unknown</translation>
    </message>
    <message>
        <source>发布月：</source>
        <translation>published in month: </translation>
    </message>
    <message>
        <source>正在等待另一个导入或重新分析完成…</source>
        <translation>Waiting for another import or re-analysis into this library to finish…</translation>
    </message>
</context>
</TS>
