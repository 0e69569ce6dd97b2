<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The card reader reported an error ({pcsc}). Check the reader and try again.</source>
        <translation>读卡器报告错误（{pcsc}）。请检查读卡器后重试。</translation>
    </message>
    <message>
        <source>The smart card service (pcscd) is not running ({pcsc}). Start the smart card service and try again.</source>
        <translation>智能卡服务（pcscd）未运行（{pcsc}）。请启动智能卡服务后重试。</translation>
    </message>
    <message>
        <source>No card reader {reader} was found ({pcsc}). Plug in the card reader or choose another one in the settings.</source>
        <translation>未找到读卡器 {reader}（{pcsc}）。请连接读卡器，或在设置中选择其他读卡器。</translation>
    </message>
    <message>
        <source>No card reader is connected ({pcsc}). Plug in the card reader and try again.</source>
        <translation>未连接任何读卡器（{pcsc}）。请连接读卡器后重试。</translation>
    </message>
    <message>
        <source>There is no card in the reader {reader} ({pcsc}). Insert the customer's card.</source>
        <translation>读卡器 {reader} 中没有卡（{pcsc}）。请插入客户的卡。</translation>
    </message>
    <message>
        <source>The card was removed from the reader {reader} during the operation ({pcsc}). Insert the card again and repeat the operation.</source>
        <translation>操作过程中卡已从读卡器 {reader} 中取出（{pcsc}）。请重新插入卡并重复该操作。</translation>
    </message>
    <message>
        <source>The card in the reader is not a StarPOS electricity card (card answered {sw}). Use a card issued by the utility.</source>
        <translation>读卡器中的卡不是 StarPOS 电卡（卡片应答 {sw}）。请使用电力公司发行的卡。</translation>
    </message>
    <message>
        <source>This card is blank: it is not bound to any meter. Issue the card to a meter first.</source>
        <translation>此卡为空白卡：未绑定任何电表。请先将此卡发给一个电表。</translation>
    </message>
    <message>
        <source>This card is already bound to meter {meter}. Blank the card before issuing it again.</source>
        <translation>此卡已绑定电表 {meter}。重新发卡前请先清空此卡。</translation>
    </message>
    <message>
        <source>This card belongs to meter {card_meter}, not to meter {meter}. Use the card issued for this meter.</source>
        <translation>此卡属于电表 {card_meter}，而不是电表 {meter}。请使用为该电表发行的卡。</translation>
    </message>
    <message>
        <source>The {record} data on the card failed its security check and was not accepted. The card may have been altered or belong to another utility; report it to a supervisor.</source>
        <translation>卡上的 {record} 数据未通过安全校验，已被拒绝。此卡可能被篡改或属于其他电力公司；请报告主管。</translation>
    </message>
    <message>
        <source>This card is locked (card answered {sw}) and can no longer be used. Issue a replacement card.</source>
        <translation>此卡已锁定（卡片应答 {sw}），无法再使用。请补发一张新卡。</translation>
    </message>
    <message>
        <source>This card (issue {issue}) has been replaced by a newer card (issue {current}) and is refused. Use the newest card.</source>
        <translation>此卡（第 {issue} 次发卡）已被更新的卡（第 {current} 次发卡）取代，已被拒绝。请使用最新的卡。</translation>
    </message>
    <message>
        <source>The card refused the command {command} (card answered {sw}). Take the card out, insert it again and retry.</source>
        <translation>卡片拒绝了命令 {command}（卡片应答 {sw}）。请取出卡片，重新插入后重试。</translation>
    </message>
    <message>
        <source>The card did not read back what was written to its {record} file. Insert the card again and read it before selling again.</source>
        <translation>卡片 {record} 文件的回读内容与写入内容不一致。请重新插入卡片并先读取，再进行销售。</translation>
    </message>
    <message>
        <source>The card master key file {path} cannot be used: {reason}. Ask the installer to set up the utility card key.</source>
        <translation>卡主密钥文件 {path} 无法使用：{reason}。请让安装人员设置电力公司的卡密钥。</translation>
    </message>
    <message>
        <source>The card still carries {energy} kWh (purchase {sequence}) that the meter has not loaded yet. Ask the customer to insert the card in the meter first, or add the new purchase to it.</source>
        <translation>卡上仍有 {energy} kWh（第 {sequence} 次购电）尚未被电表读入。请客户先将卡插入电表，或将本次购电累加到该电量上。</translation>
    </message>
    <message>
        <source>This card is not a customer card (kind: {kind}), and meters load credit only from customer cards. Sell on the customer's own card.</source>
        <translation>此卡不是用户卡（类型：{kind}），电表只从用户卡读入电量。请在客户本人的卡上售电。</translation>
    </message>
    <message>
        <source>The virtual meter state file {path} cannot be read: {reason}. Create the meter with 'starpos card meter --state FILE init'.</source>
        <translation>无法读取虚拟电表状态文件 {path}：{reason}。请先用 'starpos card meter --state 文件 init' 创建电表。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>card present</source>
        <translation>有卡</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>无卡</translation>
    </message>
    <message>
        <source>Card master key written to {path} (check value {kcv}).</source>
        <translation>卡主密钥已写入 {path}（校验值 {kcv}）。</translation>
    </message>
</context>
</TS>
