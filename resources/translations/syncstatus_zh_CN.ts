<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>status</name>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline since {time}</source>
        <translation>自 {time} 起离线</translation>
    </message>
    <message>
        <source>Head office: {state}</source>
        <translation>总部：{state}</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} 条待发送</translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <source>Card no longer valid</source>
        <translation>卡已失效</translation>
    </message>
    <message>
        <source>The head office kept another card for the meter, so the card this counter issued no longer counts. A sale on it is refused: ask the customer for the meter's current card.</source>
        <translation>总部已为该电表保留另一张卡，本柜台发放的卡不再有效。在此卡上的售电将被拒绝：请让客户出示该电表的当前卡。</translation>
    </message>
    <message numerus="yes">
        <source>⚠ {count} cards no longer valid</source>
        <translation>
            <numerusform>⚠ {count} 张卡已失效</numerusform>
        </translation>
    </message>
    <message>
        <source>Cards no longer valid (the head office kept another):</source>
        <translation>已失效的卡（总部保留了另一张）：</translation>
    </message>
    <message>
        <source>Meter {meter}: the card of issue {issue}</source>
        <translation>电表 {meter}：第 {issue} 次发放的卡</translation>
    </message>
</context>
</TS>
