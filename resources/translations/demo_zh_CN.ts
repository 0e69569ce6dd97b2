<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The virtual card reader {reader} is missing. Install vsmartcard-vpcd (scripts/setup.sh does) and restart the smart card service (pcscd).</source>
        <translation>缺少虚拟读卡器 {reader}。请安装 vsmartcard-vpcd（scripts/setup.sh 会安装），然后重启智能卡服务（pcscd）。</translation>
    </message>
    <message>
        <source>There is no demo utility in this data folder yet. Run: starpos demo seed</source>
        <translation>此数据文件夹中还没有演示电力公司。请运行：starpos demo seed</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Card master key of the demo utility created: {path}</source>
        <translation>已创建演示电力公司的卡主密钥：{path}</translation>
    </message>
    <message>
        <source>Virtual SUN card {serial} is in the reader {reader} ({state}).</source>
        <translation>虚拟 SUN 卡 {serial} 已插入读卡器 {reader}（{state}）。</translation>
    </message>
    <message>
        <source>It is the card of meter {meter}. In the window, log in as CASH1 (password cash-demo): the counter switches to card mode and sells onto it with Enter.</source>
        <translation>这是电表 {meter} 的卡。在窗口中以 CASH1 登录（密码 cash-demo）：柜台会切换到卡模式，按回车即可向卡售电。</translation>
    </message>
    <message>
        <source>It is blank. In the window, log in as ADMIN1 (password admin-demo) and issue it with Cards &gt; Issue a card (Ctrl+Shift+I) to meter {meter}; then log in as CASH1 (password cash-demo) and sell onto it.</source>
        <translation>这是一张空白卡。在窗口中以 ADMIN1 登录（密码 admin-demo），通过“卡 &gt; 发卡”（Ctrl+Shift+I）将其发给电表 {meter}；然后以 CASH1 登录（密码 cash-demo）向卡售电。</translation>
    </message>
    <message>
        <source>Press Enter to take the card out or put it back; q and Enter to stop.</source>
        <translation>按回车取出或插回卡；输入 q 后回车停止。</translation>
    </message>
    <message>
        <source>The card is in the reader.</source>
        <translation>卡已插入读卡器。</translation>
    </message>
    <message>
        <source>The card is out of the reader.</source>
        <translation>卡已从读卡器取出。</translation>
    </message>
</context>
</TS>
