<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The first day {begin} comes after the last day {end}. Swap them and try again.</source>
        <translation>开始日期 {begin} 晚于结束日期 {end}。请对调后重试。</translation>
    </message>
    <message>
        <source>The report has more than {limit} rows, too many for a PDF. Narrow the dates or other filters, or export it as CSV.</source>
        <translation>报表超过 {limit} 行，无法生成 PDF。请缩小日期或其他筛选条件，或导出为 CSV。</translation>
    </message>
    <message>
        <source>{text} is not a date: write it as YYYY-MM-DD, for example 2026-12-01.</source>
        <translation>{text} 不是日期：请写成 YYYY-MM-DD，例如 2026-12-01。</translation>
    </message>
    <message>
        <source>{text} is not a number of days: write a whole number such as 60.</source>
        <translation>{text} 不是天数：请填写整数，例如 60。</translation>
    </message>
    <message>
        <source>No sale with a voucher matches {what}. Check the bill number, the 20-digit token or the meter number and try again.</source>
        <translation>没有与 {what} 匹配的有凭证的售电记录。请检查单据号、20 位令牌或电表号后重试。</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>Install date</source>
        <translation>安装日期</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最后购电</translation>
    </message>
    <message>
        <source>Days without purchase</source>
        <translation>未购电天数</translation>
    </message>
    <message>
        <source>As of (default today)</source>
        <translation>截至日期（默认今天）</translation>
    </message>
    <message>
        <source>Abnormality power-purchase report</source>
        <translation>异常购电报表</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>读卡时间</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Alarm event report (cards)</source>
        <translation>报警事件报表（卡）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Meter model</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Outstanding debt</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>登记开始日期</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>登记结束日期</translation>
    </message>
    <message>
        <source>Customer information report</source>
        <translation>客户信息报表</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Token kind</source>
        <translation>令牌类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量（kWh）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Engineering token report</source>
        <translation>工程令牌报表</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Login log report</source>
        <translation>登录日志报表</translation>
    </message>
    <message>
        <source>SGC</source>
        <translation>SGC</translation>
    </message>
    <message>
        <source>KRN</source>
        <translation>KRN</translation>
    </message>
    <message>
        <source>TI</source>
        <translation>TI</translation>
    </message>
    <message>
        <source>KEN</source>
        <translation>KEN</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>密钥类型</translation>
    </message>
    <message>
        <source>Base date</source>
        <translation>基准日期</translation>
    </message>
    <message>
        <source>Key expiry</source>
        <translation>密钥到期</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Expiring within days (empty: all)</source>
        <translation>在多少天内到期（空：全部）</translation>
    </message>
    <message>
        <source>Meter key report</source>
        <translation>电表密钥报表</translation>
    </message>
    <message>
        <source>Using status</source>
        <translation>使用状态</translation>
    </message>
    <message>
        <source>In use since</source>
        <translation>启用日期</translation>
    </message>
    <message>
        <source>Using life (years)</source>
        <translation>使用寿命（年）</translation>
    </message>
    <message>
        <source>End of life</source>
        <translation>寿命到期</translation>
    </message>
    <message>
        <source>Within days</source>
        <translation>天数范围</translation>
    </message>
    <message>
        <source>Include overdue meters</source>
        <translation>包括已过期电表</translation>
    </message>
    <message>
        <source>Forecast report of expiring meters</source>
        <translation>电表到期预报表</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>介质</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>电表状态</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分公司</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>电表数</translation>
    </message>
    <message>
        <source>Meter status report (detail)</source>
        <translation>电表状态报表（明细）</translation>
    </message>
    <message>
        <source>Meter status report (summary)</source>
        <translation>电表状态报表（汇总）</translation>
    </message>
    <message>
        <source>Summary by</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>开始月份</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>结束月份</translation>
    </message>
    <message>
        <source>Month power report (cards)</source>
        <translation>月用电报表（卡）</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Total: {rows} rows</source>
        <translation>合计：{rows} 行</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>生成于 {when}</translation>
    </message>
    <message>
        <source>Manual section {section}</source>
        <translation>手册第 {section} 节</translation>
    </message>
    <message>
        <source>Bill number</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Vending amount</source>
        <translation>售电金额</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>Debt repayment</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Payment term</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Power vending report</source>
        <translation>售电报表</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Token enquiry report</source>
        <translation>令牌查询报表</translation>
    </message>
</context>
<context>
    <name>reportswindow</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>报表…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: no limit)</source>
        <translation>YYYY-MM-DD（空：不限）</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Choose the filters and press Run (Enter).</source>
        <translation>选择筛选条件后按“查询”（回车）。</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rows are shown; the totals, charts and exports cover them all.</source>
        <translation>显示前 {shown} 行，共 {count} 行；合计、图表和导出包含全部行。</translation>
    </message>
    <message>
        <source>{count} rows.</source>
        <translation>{count} 行。</translation>
    </message>
    <message>
        <source>Sales per day</source>
        <translation>每日销售额</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>每小时销售额</translation>
    </message>
    <message>
        <source>Payment mix</source>
        <translation>付款方式构成</translation>
    </message>
    <message>
        <source>Sales per operator</source>
        <translation>各操作员销售额</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{count} rows written to {path}.</source>
        <translation>已将 {count} 行写入 {path}。</translation>
    </message>
</context>
<context>
    <name>reprint</name>
    <message>
        <source>Reprint a voucher</source>
        <translation>重印凭证</translation>
    </message>
    <message>
        <source>Reprint a voucher…</source>
        <translation>重印凭证…</translation>
    </message>
    <message>
        <source>Bill number, 20-digit token or meter number:</source>
        <translation>单据号、20 位令牌或电表号：</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>vend</name>
    <message>
        <source>The voucher of sale {bill} was reprinted, marked REPRINT (print {count}).</source>
        <translation>售电 {bill} 的凭证已重印，标记为“重印”（第 {count} 次打印）。</translation>
    </message>
</context>
</TS>
