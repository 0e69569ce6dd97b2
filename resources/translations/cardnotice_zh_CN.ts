<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cardnotice</name>
    <message>
        <source>Ctrl+Shift+M or click to review</source>
        <translation>按 Ctrl+Shift+M 或单击查看</translation>
    </message>
    <message>
        <source>⚑ Flagged meter data: {count} this week</source>
        <translation>⚑ 本周被标记的电表数据：{count} 条</translation>
    </message>
    <message>
        <source>{count} card reading(s) from {meters} meter(s) with new tamper events, new overloads or data going back, in the last 7 days. Ctrl+Shift+M shows them.</source>
        <translation>最近 7 天内有 {meters} 块电表的 {count} 条卡读数出现新的窃电事件、新的过载或数据回退。按 Ctrl+Shift+M 查看。</translation>
    </message>
    <message>
        <source>Card sales left unfinished: {count}. Do not sell them again and do not refund them: only the card can tell whether the credit is on it.</source>
        <translation>未完成的卡售电：{count} 笔。请勿重复售电，也不要退款：只有读卡才能确定电量是否已写入卡中。</translation>
    </message>
    <message>
        <source>… and {count} more (the oldest are listed first).</source>
        <translation>……另有 {count} 笔（按时间先后列出）。</translation>
    </message>
    <message>
        <source>Bill {bill} · meter {meter} · {customer} · {kwh} kWh · started {when}</source>
        <translation>单据 {bill} · 电表 {meter} · {customer} · {kwh} kWh · 开始于 {when}</translation>
    </message>
    <message>
        <source>Ask the customer to bring card {serial} of meter {meter}; inserting it finishes or cancels the sale.</source>
        <translation>请客户带来电表 {meter} 的卡 {serial}；插入该卡即可完成或取消这笔售电。</translation>
    </message>
    <message>
        <source>A card was inserted: it is read once this sale is done.</source>
        <translation>已插入一张卡：本笔售电完成后将读取该卡。</translation>
    </message>
</context>
</TS>
