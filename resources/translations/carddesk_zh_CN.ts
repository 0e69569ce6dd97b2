<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>carddesk</name>
    <message>
        <source>&amp;Broken</source>
        <translation>损坏(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Flagged only (all meters)</source>
        <translation>仅显示标记的(所有电表)(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lost</source>
        <translation>丢失(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Meter number</source>
        <translation>电表号(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Meter number (a card meter without a card)</source>
        <translation>电表号(尚无卡的卡式电表)(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Meter number (its card is lost or broken)</source>
        <translation>电表号(其卡已丢失或损坏)(&amp;M)</translation>
    </message>
    <message>
        <source>Blank a card</source>
        <translation>清空卡</translation>
    </message>
    <message>
        <source>Blank a card…</source>
        <translation>清空卡…</translation>
    </message>
    <message>
        <source>Blank card: it can be issued to a meter.</source>
        <translation>空白卡:可以发给一个电表。</translation>
    </message>
    <message>
        <source>Blank the card (Enter)</source>
        <translation>清空此卡(回车)</translation>
    </message>
    <message>
        <source>Bound to</source>
        <translation>绑定到</translation>
    </message>
    <message>
        <source>C&amp;ards</source>
        <translation>卡(&amp;A)</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Card in the reader</source>
        <translation>读卡器中的卡</translation>
    </message>
    <message>
        <source>Card {old} is refused from now on.</source>
        <translation>卡 {old} 从现在起将被拒绝。</translation>
    </message>
    <message>
        <source>Card {serial} issued to meter {meter} (issue {issue}).</source>
        <translation>卡 {serial} 已发给电表 {meter}(第 {issue} 张)。</translation>
    </message>
    <message>
        <source>Card {serial} of meter {meter} is blank now.</source>
        <translation>电表 {meter} 的卡 {serial} 现已清空。</translation>
    </message>
    <message>
        <source>Card {serial} was already blank.</source>
        <translation>卡 {serial} 本来就是空白卡。</translation>
    </message>
    <message>
        <source>Carried onto the new card: {energy} kWh of sale {bill} (the meter loads it once, from whichever card it sees first).</source>
        <translation>已转入新卡:售电单 {bill} 的 {energy} kWh(电表只加载一次,以先插入的卡为准)。</translation>
    </message>
    <message>
        <source>Credit not loaded</source>
        <translation>未加载的电量</translation>
    </message>
    <message>
        <source>Cumulative (kWh)</source>
        <translation>累计 (kWh)</translation>
    </message>
    <message>
        <source>Discarded: {energy} kWh of sale {bill} (written in the audit log).</source>
        <translation>已作废:售电单 {bill} 的 {energy} kWh(已记入审计日志)。</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Issue a card</source>
        <translation>发卡</translation>
    </message>
    <message>
        <source>Issue a card…</source>
        <translation>发卡…</translation>
    </message>
    <message>
        <source>Issue the card (Enter)</source>
        <translation>发出此卡(回车)</translation>
    </message>
    <message>
        <source>Issued card, not in this point of sale's card register</source>
        <translation>已发行的卡,不在本售电点的卡登记簿中</translation>
    </message>
    <message>
        <source>Issued card, {state} in the card register</source>
        <translation>已发行的卡,卡登记簿中状态:{state}</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>Meter clock</source>
        <translation>电表时钟</translation>
    </message>
    <message>
        <source>Meter data from cards</source>
        <translation>卡带回的电表数据</translation>
    </message>
    <message>
        <source>Meter data from cards…</source>
        <translation>卡带回的电表数据…</translation>
    </message>
    <message>
        <source>No card has brought back data from meter {meter} yet.</source>
        <translation>还没有卡带回电表 {meter} 的数据。</translation>
    </message>
    <message>
        <source>No card in the reader. Insert the card.</source>
        <translation>读卡器中没有卡。请插入卡。</translation>
    </message>
    <message>
        <source>No credit to carry: the meter loaded all it was sold.</source>
        <translation>无需转移电量:电表已加载所有售出的电量。</translation>
    </message>
    <message>
        <source>Nothing was changed: the card keeps its credit.</source>
        <translation>未做任何更改:卡上的电量保留。</translation>
    </message>
    <message>
        <source>Overloads</source>
        <translation>过载</translation>
    </message>
    <message>
        <source>Power cuts</source>
        <translation>停电次数</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>读取时间</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>正在读卡…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因:</translation>
    </message>
    <message>
        <source>Remaining (kWh)</source>
        <translation>剩余 (kWh)</translation>
    </message>
    <message>
        <source>Replace a card</source>
        <translation>补卡</translation>
    </message>
    <message>
        <source>Replace a card…</source>
        <translation>补卡…</translation>
    </message>
    <message>
        <source>Replace the card (Enter)</source>
        <translation>补发此卡(回车)</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Tamper</source>
        <translation>窃电事件</translation>
    </message>
    <message>
        <source>The card still carries {energy} kWh (sale {bill}) that its meter has not loaded. Blanking it discards that credit: the customer loses it. Insert the card in the meter first, or replace the card to carry the credit over.

Discard the credit and blank the card?</source>
        <translation>卡上仍有电表尚未加载的 {energy} kWh(售电单 {bill})。清空此卡将作废这些电量,客户将失去它们。请先把卡插入电表,或补卡以转移电量。

作废电量并清空此卡吗?</translation>
    </message>
    <message>
        <source>This card cannot be read.</source>
        <translation>无法读取此卡。</translation>
    </message>
    <message>
        <source>Type a meter number to see what its cards brought back.</source>
        <translation>输入电表号,查看其卡带回的数据。</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Working on the card… keep it in the reader.</source>
        <translation>正在处理卡…请勿取出。</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>blanked</source>
        <translation>已清空</translation>
    </message>
    <message>
        <source>cover opened</source>
        <translation>开盖</translation>
    </message>
    <message>
        <source>low credit</source>
        <translation>电量低</translation>
    </message>
    <message>
        <source>magnetic field</source>
        <translation>磁场干扰</translation>
    </message>
    <message>
        <source>manage meters</source>
        <translation>电表管理</translation>
    </message>
    <message>
        <source>meter {meter}, issue {issue}</source>
        <translation>电表 {meter},第 {issue} 张卡</translation>
    </message>
    <message>
        <source>no meter</source>
        <translation>无电表</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>none: the meter loaded all credit</source>
        <translation>无:电表已加载全部电量</translation>
    </message>
    <message>
        <source>older data than before</source>
        <translation>数据比之前的旧</translation>
    </message>
    <message>
        <source>overload</source>
        <translation>过载</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>replace meter</source>
        <translation>更换电表</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已被替换</translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>reverse current</source>
        <translation>反向电流</translation>
    </message>
    <message>
        <source>tamper</source>
        <translation>窃电</translation>
    </message>
    <message>
        <source>very low credit</source>
        <translation>电量极低</translation>
    </message>
    <message>
        <source>view reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <source>{count} flagged readings, all meters, newest first.</source>
        <translation>共 {count} 条标记的读数(所有电表),最新的在前。</translation>
    </message>
    <message>
        <source>{count} readings of meter {meter}, newest first; {flagged} flagged.</source>
        <translation>电表 {meter} 共 {count} 条读数,最新的在前;{flagged} 条被标记。</translation>
    </message>
    <message>
        <source>{energy} kWh (sale {bill}), waiting for the meter</source>
        <translation>{energy} kWh(售电单 {bill}),等待电表加载</translation>
    </message>
    <message>
        <source>{total} ({new} new)</source>
        <translation>{total}(新增 {new})</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>A sale is in progress. Wait until it has finished, then open the card desk again.</source>
        <translation>正在售电。请等待其完成后再打开卡务窗口。</translation>
    </message>
    <message>
        <source>The card in the reader ({serial}) is not the card shown before ({expected}): it was changed meanwhile. Nothing was done. Check the card in the reader and try again.</source>
        <translation>读卡器中的卡({serial})不是之前显示的卡({expected}):卡已被更换。未做任何操作。请检查读卡器中的卡后重试。</translation>
    </message>
    <message>
        <source>The card is still being read. Wait until it shows, then press Enter again.</source>
        <translation>仍在读卡。请等卡的信息显示后再按回车。</translation>
    </message>
    <message>
        <source>There is no card in the reader. Insert the card, wait until it shows, then press Enter.</source>
        <translation>读卡器中没有卡。请插入卡,等其信息显示后按回车。</translation>
    </message>
    <message>
        <source>This counter has no card reader service set up. Ask the installer to set up the card reader, then restart StarPOS.</source>
        <translation>此柜台未配置读卡器服务。请安装人员配置读卡器后重新启动 StarPOS。</translation>
    </message>
</context>
</TS>
