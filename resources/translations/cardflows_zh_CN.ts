<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The card operation could not be completed.</source>
        <translation>无法完成卡操作。</translation>
    </message>
    <message>
        <source>Card {serial} (bound to meter {meter}) is not in this point of sale's card register. Sell only on cards issued here, or issue the meter a new card.</source>
        <translation>卡 {serial}（绑定电表 {meter}）不在本售电点的卡登记中。只能向本处发行的卡售电，或为该电表发行新卡。</translation>
    </message>
    <message>
        <source>Card {serial} of meter {meter} was {state} and is refused. Use the meter's current card (issue {current}).</source>
        <translation>电表 {meter} 的卡 {serial} 状态为“{state}”，已被拒绝。请使用该电表的当前卡（发行号 {current}）。</translation>
    </message>
    <message>
        <source>Card {serial} says it belongs to meter {card_meter} (issue {card_issue}), but the card register has it for meter {meter} (issue {issue}). Keep the card and report it to a supervisor.</source>
        <translation>卡 {serial} 显示属于电表 {card_meter}（发行号 {card_issue}），但卡登记记录它属于电表 {meter}（发行号 {issue}）。请保留此卡并报告主管。</translation>
    </message>
    <message>
        <source>Meter {number} takes typed tokens, not a card. Sell a token for it instead.</source>
        <translation>电表 {number} 使用键盘输入的电费码，不使用卡。请改为售出电费码。</translation>
    </message>
    <message>
        <source>Meter {number} already has card {serial} (issue {issue}). Use that card, or replace it if it is lost or broken.</source>
        <translation>电表 {number} 已有卡 {serial}（发行号 {issue}）。请使用该卡；若卡丢失或损坏，请补卡。</translation>
    </message>
    <message>
        <source>Meter {number} has never had a card. Issue it a first card instead.</source>
        <translation>电表 {number} 从未发过卡。请改为发行第一张卡。</translation>
    </message>
    <message>
        <source>The card still carries {energy} kWh (sale {bill}) that the meter has not loaded. Ask the customer to insert the card in the meter first, then come back to buy more.</source>
        <translation>卡上仍有电表尚未读入的 {energy} kWh（售电单 {bill}）。请客户先将卡插入电表，再回来购电。</translation>
    </message>
    <message>
        <source>The card carries older credit (purchase {card_sequence}) than this point of sale sold to meter {meter} (purchase {sold_sequence}): it may be a restored copy. Nothing was sold; keep the card and report it to a supervisor.</source>
        <translation>卡上的电量（第 {card_sequence} 次购电）比本售电点售给电表 {meter} 的（第 {sold_sequence} 次购电）更旧：可能是恢复的副本。未售出任何电量；请保留此卡并报告主管。</translation>
    </message>
    <message>
        <source>The card still carries {energy} kWh of sale {bill} that the meter has not loaded; blanking it would lose that credit. Insert the card in the meter first, or replace the card to carry it over.</source>
        <translation>卡上仍有售电单 {bill} 的 {energy} kWh 电表尚未读入；清空此卡会丢失这些电量。请先将卡插入电表，或补卡以转移这些电量。</translation>
    </message>
    <message>
        <source>Sale {bill} was cancelled: the card could not be written ({reason}) and nothing was put on it. Give the customer back {net}, or insert the card and sell again.</source>
        <translation>售电单 {bill} 已取消：无法写卡（{reason}），卡上未写入任何内容。请退还客户 {net}，或插入卡后重新售电。</translation>
    </message>
    <message>
        <source>The card was interrupted while sale {bill} was being written ({reason}). Insert the same card again: the sale is completed or cancelled from what the card holds. Do not refund or sell again before that.</source>
        <translation>写入售电单 {bill} 时卡被中断（{reason}）。请重新插入同一张卡：系统将根据卡上内容完成或取消该售电。在此之前请勿退款或重新售电。</translation>
    </message>
    <message>
        <source>Sale {bill} to meter {meter} is still unfinished. Insert the card it was sold to ({serial}) so it can be completed or cancelled first.</source>
        <translation>售给电表 {meter} 的售电单 {bill} 尚未完成。请插入该售电所用的卡（{serial}），以便先完成或取消它。</translation>
    </message>
</context>
<context>
    <name>cardflows</name>
    <message>
        <source>{at}  meter {meter}  card {serial}  remaining {remaining} kWh  total {total} kWh  tampers {tampers}  overloads {overloads}  flags {flags}</source>
        <translation>{at}  电表 {meter}  卡 {serial}  剩余 {remaining} kWh  累计 {total} kWh  窃电事件 {tampers}  过载 {overloads}  标记 {flags}</translation>
    </message>
</context>
</TS>
