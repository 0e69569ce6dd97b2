<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>breakdown</name>
    <message>
        <source>Debt repayment</source>
        <translation>欠款还款</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>电量</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Pre-installed amount</source>
        <translation>预装金额</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>预约金额</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>Vending amount</source>
        <translation>售电金额</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Choose a default amount (F1-F8) or type the amount the customer pays.</source>
        <translation>请选择预设金额（F1-F8）或输入客户支付的金额。</translation>
    </message>
    <message>
        <source>PySide6 {version} is installed, and it corrupts Python {python}'s memory (the app would crash within minutes). Install another version: pip install 'PySide6-Essentials&gt;=6.7,&lt;6.12'.</source>
        <translation>已安装的 PySide6 {version} 会破坏 Python {python} 的内存（程序会在几分钟内崩溃）。请安装其他版本：pip install 'PySide6-Essentials&gt;=6.7,&lt;6.12'。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>The customer paid {paid}, less than the {net} to pay. Take the full amount first.</source>
        <translation>客户支付了 {paid}，少于应付的 {net}。请先收取全额。</translation>
    </message>
    <message>
        <source>The meter number {number} is not right: its check digit does not match the other digits, so a digit was probably mistyped. Read the number again from the meter or the customer's card.</source>
        <translation>表号 {number} 不正确：校验位与其他数字不符，可能输错了一位。请重新核对电表或客户卡上的表号。</translation>
    </message>
    <message>
        <source>There is no sale with the bill number {bill}.</source>
        <translation>没有单号为 {bill} 的售电记录。</translation>
    </message>
    <message>
        <source>There is no voucher to reprint yet in this shift.</source>
        <translation>本班次还没有可重打的凭条。</translation>
    </message>
    <message>
        <source>Type or scan the meter number first.</source>
        <translation>请先输入或扫描表号。</translation>
    </message>
    <message>
        <source>{name} is blacklisted: {reason}. No credit can be sold to this meter; send the customer to the office.</source>
        <translation>{name} 已列入黑名单：{reason}。此电表不能售电，请让客户到营业厅办理。</translation>
    </message>
    <message>
        <source>{text} is not an amount. Type digits with at most {decimals} decimals, for example {example}.</source>
        <translation>{text} 不是有效金额。请输入最多 {decimals} 位小数的数字，例如 {example}。</translation>
    </message>
    <message>
        <source>Meter {number} is a smart card meter: its credit goes onto the customer's card, not into a token. Insert the customer's card in the reader to sell to it.</source>
        <translation>电表 {number} 是卡表：电量写入客户的电卡，而不是购电码。请将客户的电卡插入读卡器后再售电。</translation>
    </message>
    <message>
        <source>The customer could not be looked up. Type the number again; if it happens again, send the report to your support contact.</source>
        <translation>无法查询该客户。请重新输入表号；如果再次出现，请把报告发给技术支持。</translation>
    </message>
    <message>
        <source>You do not have the {permission} permission. Ask an operator who has it, or an administrator to give it to you.</source>
        <translation>您没有“{permission}”权限。请找有此权限的操作员，或请管理员为您授权。</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>Load the demo utility</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>Loading the demo utility… this takes a minute.</source>
        <translation>正在加载演示数据…大约需要一分钟。</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>This database is empty. Load the demo utility to try StarPOS: a company, sales points, tariffs, operators and 1,000 customers with their meters. Log in as STAR with the password star (you will choose a new one).</source>
        <translation>数据库为空。加载演示电力公司以试用 StarPOS：包括公司、售电点、费率、操作员以及 1000 位客户及其电表。请以 STAR 登录，密码为 star（登录后需设置新密码）。</translation>
    </message>
    <message>
        <source>Welcome to StarPOS</source>
        <translation>欢迎使用 StarPOS</translation>
    </message>
</context>
<context>
    <name>funnel</name>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Something went wrong inside StarPOS. Your data is safe. Copy the report below and send it to your support contact. It is also saved in {path}.</source>
        <translation>StarPOS 内部出现错误。您的数据是安全的。请复制下面的报告并发送给技术支持。报告也已保存在 {path}。</translation>
    </message>
    <message>
        <source>StarPOS</source>
        <translation>StarPOS</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The counter is locked by {name} ({code}). Type the password to unlock.</source>
        <translation>柜台已被 {name}（{code}）锁定。请输入密码解锁。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>The password is wrong. Type the password of {name} again.</source>
        <translation>密码错误。请重新输入 {name} 的密码。</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Operator code</source>
        <translation>操作员代码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>StarPOS counter</source>
        <translation>StarPOS 售电柜台</translation>
    </message>
    <message>
        <source>StarPOS — log in</source>
        <translation>StarPOS — 登录</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same one twice.</source>
        <translation>两次输入的新密码不一致。请输入相同的密码两次。</translation>
    </message>
    <message>
        <source>This is your first login: choose a new password to continue.</source>
        <translation>这是您首次登录：请设置新密码后继续。</translation>
    </message>
    <message>
        <source>Type the new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>Type your current password once and the new one twice.</source>
        <translation>请输入一次当前密码，两次新密码。</translation>
    </message>
    <message>
        <source>A new password has at least {minimum} characters, and is neither your operator code nor your current password.</source>
        <translation>新密码至少 {minimum} 个字符，且不能与操作员代码或当前密码相同。</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>BLACKLISTED: {reason}</source>
        <translation>黑名单：{reason}</translation>
    </message>
    <message>
        <source>Bill {bill} · meter {meter} · {name} · {kwh} kWh</source>
        <translation>单号 {bill} · 表号 {meter} · {name} · {kwh} kWh</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Check the amount</source>
        <translation>请核对金额</translation>
    </message>
    <message>
        <source>Copy token (Ctrl+Shift+C)</source>
        <translation>复制购电码（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>F1-F8 or type an amount</source>
        <translation>F1-F8 或输入金额</translation>
    </message>
    <message>
        <source>Installer settings…</source>
        <translation>安装设置…</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>上次购电</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Meter model</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>Meter number</source>
        <translation>表号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Preview last voucher</source>
        <translation>预览最后一张凭条</translation>
    </message>
    <message>
        <source>Previous sale</source>
        <translation>上一笔售电</translation>
    </message>
    <message>
        <source>Pricing…</source>
        <translation>正在计价…</translation>
    </message>
    <message>
        <source>Printing the voucher…</source>
        <translation>正在打印凭条…</translation>
    </message>
    <message>
        <source>Reprint last voucher</source>
        <translation>重打最后一张凭条</translation>
    </message>
    <message>
        <source>StarPOS — counter</source>
        <translation>StarPOS — 售电柜台</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>The breakdown shows here once the meter and amount are in.</source>
        <translation>输入表号和金额后，这里显示明细。</translation>
    </message>
    <message>
        <source>The token appears here after the vend.</source>
        <translation>售电后购电码显示在这里。</translation>
    </message>
    <message>
        <source>The voucher did not print. The sale is kept: reprint it (Ctrl+R).</source>
        <translation>凭条未打印。售电已保存：请重打（Ctrl+R）。</translation>
    </message>
    <message>
        <source>This is more than the usual amount. Check it twice.</source>
        <translation>金额超过常规值，请仔细核对。</translation>
    </message>
    <message>
        <source>This shift's vends</source>
        <translation>本班售电记录</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>购电码</translation>
    </message>
    <message>
        <source>Type or scan the meter number</source>
        <translation>输入或扫描表号</translation>
    </message>
    <message>
        <source>Vend (Enter)</source>
        <translation>售电（回车）</translation>
    </message>
    <message>
        <source>Vending… please wait for the token.</source>
        <translation>正在售电…请等待购电码。</translation>
    </message>
    <message>
        <source>Voucher printed.</source>
        <translation>凭条已打印。</translation>
    </message>
    <message>
        <source>Voucher {bill}</source>
        <translation>凭条 {bill}</translation>
    </message>
    <message>
        <source>installer settings</source>
        <translation>安装设置</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>未记录原因</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>reprint</source>
        <translation>重打</translation>
    </message>
    <message>
        <source>same as the net amount</source>
        <translation>与净额相同</translation>
    </message>
    <message>
        <source>{kwh} kWh</source>
        <translation>{kwh} kWh</translation>
    </message>
    <message>
        <source>{net} is more than the usual amount. Sell it to {name}?</source>
        <translation>{net} 超过常规金额。确定售给 {name} 吗？</translation>
    </message>
    <message>
        <source>✔ Check digit correct</source>
        <translation>✔ 校验位正确</translation>
    </message>
    <message>
        <source>A meter number has 11, 13 or 18 digits.</source>
        <translation>表号为 11、13 或 18 位数字。</translation>
    </message>
    <message>
        <source>{count} digits typed: a meter number has 11, 13 or 18 digits.</source>
        <translation>已输入 {count} 位：表号为 11、13 或 18 位数字。</translation>
    </message>
    <message>
        <source>Active, but no credit can be sold to this meter</source>
        <translation>正常，但此电表不能售电</translation>
    </message>
    <message>
        <source>Nothing was sold: the customer and the breakdown are not shown yet. Press Enter again once they are.</source>
        <translation>未售电：客户和明细尚未显示。显示后请再按回车。</translation>
    </message>
    <message>
        <source>Paid {paid} · Change {change}</source>
        <translation>实收 {paid} · 找零 {change}</translation>
    </message>
    <message>
        <source>The sale was made after all (found when the module came back): hand over this token.</source>
        <translation>这笔售电已经完成（安全模块恢复后找回）：请把此购电码交给客户。</translation>
    </message>
    <message>
        <source>The voucher of sale {bill} was reprinted.</source>
        <translation>售电单 {bill} 的凭条已补打。</translation>
    </message>
    <message>
        <source>Voucher reprinted.</source>
        <translation>凭条已补打。</translation>
    </message>
    <message>
        <source>Active. KEY CHANGE: this sale prints {count} key change tokens before the credit token; the customer enters them first, in the printed order.</source>
        <translation>正常。密钥更换：本次销售会在充值令牌之前打印 {count} 个密钥更换令牌；客户须先按打印顺序输入它们。</translation>
    </message>
    <message>
        <source>Active. TOKEN TO REPLACE (another counter gave its TID):</source>
        <translation>正常。需替换令牌（另一柜台用了相同 TID）：</translation>
    </message>
    <message>
        <source>bill {bill}: {amount}, {energy} kWh, sold at {terminal}, which issues its replacement (Tokens &gt; Replace a collided token)</source>
        <translation>单据 {bill}：{amount}，{energy} kWh，售于 {terminal}，由其签发替换令牌（电码 &gt; 替换冲突令牌）</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Open the cash drawer on cash sales</source>
        <translation>现金售电时打开钱箱</translation>
    </message>
    <message>
        <source>Paper width (mm)</source>
        <translation>纸宽（毫米）</translation>
    </message>
    <message>
        <source>Print the token as a QR code</source>
        <translation>以二维码打印购电码</translation>
    </message>
    <message>
        <source>Printer connection (empty: the virtual printer)</source>
        <translation>打印机连接（留空：虚拟打印机）</translation>
    </message>
    <message>
        <source>Printer profile (python-escpos)</source>
        <translation>打印机配置（python-escpos）</translation>
    </message>
    <message>
        <source>Secure module baud rate</source>
        <translation>安全模块波特率</translation>
    </message>
    <message>
        <source>Secure module port or URL (empty: start the emulator)</source>
        <translation>安全模块端口或 URL（留空：启动模拟器）</translation>
    </message>
    <message>
        <source>Voucher footer lines</source>
        <translation>凭条页脚</translation>
    </message>
    <message>
        <source>Voucher header lines</source>
        <translation>凭条页眉</translation>
    </message>
</context>
<context>
    <name>settings_dialog</name>
    <message>
        <source>Devices of this counter. Leave a connection empty to use the built-in emulator or virtual printer.</source>
        <translation>本柜台的设备。连接留空则使用内置模拟器或虚拟打印机。</translation>
    </message>
    <message>
        <source>Installer settings</source>
        <translation>安装设置</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <source>The test page did not print.</source>
        <translation>测试页未打印。</translation>
    </message>
    <message>
        <source>The test page printed.</source>
        <translation>测试页已打印。</translation>
    </message>
    <message>
        <source>for example /dev/ttyUSB0 or socket://10.0.0.5:7000</source>
        <translation>例如 /dev/ttyUSB0 或 socket://10.0.0.5:7000</translation>
    </message>
    <message>
        <source>network:HOST:PORT, serial:/dev/ttyUSB0:19200, usb:04b8:0202, file:/dev/usb/lp0 or cups:QUEUE</source>
        <translation>network:主机:端口、serial:/dev/ttyUSB0:19200、usb:04b8:0202、file:/dev/usb/lp0 或 cups:队列</translation>
    </message>
</context>
<context>
    <name>shift</name>
    <message>
        <source>Bill</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量（kWh）</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>ISSUED</source>
        <translation>已出购电码</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>PRINTED</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Search by meter, bill, customer or token</source>
        <translation>按表号、单号、客户或购电码搜索</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>This shift's vends</source>
        <translation>本班售电记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>购电码</translation>
    </message>
    <message>
        <source>{shown} of {total} vends shown</source>
        <translation>显示 {shown} / {total} 条售电记录</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Card reader: {state}</source>
        <translation>读卡器：{state}</translation>
    </message>
    <message>
        <source>card service not running</source>
        <translation>智能卡服务未运行</translation>
    </message>
    <message>
        <source>{reader} not connected</source>
        <translation>{reader} 未连接</translation>
    </message>
    <message>
        <source>no reader connected</source>
        <translation>未连接读卡器</translation>
    </message>
    <message>
        <source>Module: {state}</source>
        <translation>安全模块：{state}</translation>
    </message>
    <message>
        <source>Operator: {name} ({code})</source>
        <translation>操作员：{name}（{code}）</translation>
    </message>
    <message>
        <source>Printer: {state}</source>
        <translation>打印机：{state}</translation>
    </message>
    <message>
        <source>Sales point: {name}</source>
        <translation>售电点：{name}</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>credit {kwh} kWh</source>
        <translation>余额 {kwh} kWh</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>机盖未关</translation>
    </message>
    <message>
        <source>in use by another program</source>
        <translation>被其他程序占用</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>paper out</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <source>printer error</source>
        <translation>打印机故障</translation>
    </message>
</context>
<context>
    <name>voucher</name>
    <message>
        <source>Debt repayment</source>
        <translation>欠款还款</translation>
    </message>
    <message>
        <source>Pre-installed amount</source>
        <translation>预装金额</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>预约金额</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>Vending amount</source>
        <translation>售电金额</translation>
    </message>
    <message>
        <source>Key change token 1 of 4</source>
        <translation>密钥更换令牌 1/4</translation>
    </message>
    <message>
        <source>Key change token 2 of 4</source>
        <translation>密钥更换令牌 2/4</translation>
    </message>
    <message>
        <source>Key change token 3 of 4</source>
        <translation>密钥更换令牌 3/4</translation>
    </message>
    <message>
        <source>Key change token 4 of 4</source>
        <translation>密钥更换令牌 4/4</translation>
    </message>
    <message>
        <source>Enter any older tokens first, then the key change tokens in order, then the credit token.</source>
        <translation>请先输入任何较早的令牌，然后按顺序输入密钥更换令牌，最后输入充值令牌。</translation>
    </message>
</context>
<context>
    <name>cardmode</name>
    <message>
        <source>Meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>{kwh} kWh not loaded into the meter yet (bill {bill}): insert the card in the meter first</source>
        <translation>{kwh} kWh 尚未充入电表（账单 {bill}）：请先将卡插入电表</translation>
    </message>
    <message>
        <source>(overdraft used: {kwh} kWh)</source>
        <translation>（已用透支：{kwh} kWh）</translation>
    </message>
    <message>
        <source>({count} power cuts)</source>
        <translation>（{count} 次停电）</translation>
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
        <source>Credit on the card</source>
        <translation>卡上的电量</translation>
    </message>
    <message>
        <source>Last months</source>
        <translation>最近几个月</translation>
    </message>
    <message>
        <source>Meter clock</source>
        <translation>电表时钟</translation>
    </message>
    <message>
        <source>Overloads</source>
        <translation>过载</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>正在读卡…</translation>
    </message>
    <message>
        <source>Ready: sell with Enter</source>
        <translation>就绪：按回车键售电</translation>
    </message>
    <message>
        <source>Remaining credit</source>
        <translation>剩余电量</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供电</translation>
    </message>
    <message>
        <source>Tamper</source>
        <translation>窃电事件</translation>
    </message>
    <message>
        <source>This card cannot be sold to.</source>
        <translation>无法向此卡售电。</translation>
    </message>
    <message>
        <source>cover opened</source>
        <translation>表盖被打开</translation>
    </message>
    <message>
        <source>cut off (relay open)</source>
        <translation>已断电（继电器断开）</translation>
    </message>
    <message>
        <source>magnetic field</source>
        <translation>磁场干扰</translation>
    </message>
    <message>
        <source>no meter data yet (not in a meter since issue)</source>
        <translation>尚无电表数据（发卡后未插入过电表）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>none waiting: all credit loaded</source>
        <translation>无待充电量：全部已充入</translation>
    </message>
    <message>
        <source>on</source>
        <translation>正常供电</translation>
    </message>
    <message>
        <source>reverse current</source>
        <translation>反向电流</translation>
    </message>
    <message>
        <source>{count} event(s): {events}</source>
        <translation>{count} 个事件：{events}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Nothing can be sold to the card in the reader: {reason}</source>
        <translation>无法向读卡器中的卡售电：{reason}</translation>
    </message>
    <message>
        <source>The card is still being read. Wait until its data shows, then press Enter again.</source>
        <translation>仍在读卡。请等卡上数据显示后再按回车键。</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>Credit on card {serial}</source>
        <translation>电量已写入卡 {serial}</translation>
    </message>
    <message>
        <source>Meter number (from the card)</source>
        <translation>电表号（从卡读取）</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Sale {bill} to this meter is still unfinished on another card of the meter. Insert that card first so the sale can be completed or cancelled.</source>
        <translation>此电表的售电 {bill} 在该电表的另一张卡上尚未完成。请先插入那张卡，以便完成或取消该笔售电。</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>The vend writes the credit onto the card in the reader.</source>
        <translation>售电时电量将写入读卡器中的卡。</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>Another StarPOS program is using the secure module. Close it, then press Enter again.</source>
        <translation>另一个 StarPOS 程序正在使用安全模块。请关闭该程序，然后再按回车。</translation>
    </message>
    <message>
        <source>No sale was made. Do not take the money.</source>
        <translation>未售电。请勿收款。</translation>
    </message>
    <message>
        <source>The card reader could not reach the card. Check the reader's cable and that the card is in it, then press Enter again.</source>
        <translation>读卡器无法读取电卡。请检查读卡器的连接线以及电卡是否插入，然后再按回车。</translation>
    </message>
    <message>
        <source>The card was interrupted while the credit was written. Insert the same card again: the sale is completed or cancelled from what the card holds.</source>
        <translation>写入电量时电卡被中断。请重新插入同一张电卡：系统会根据卡上的内容完成或取消这笔售电。</translation>
    </message>
    <message>
        <source>The printer is not connected: check that it is on and that its cable is in.</source>
        <translation>打印机未连接：请检查打印机是否开机、连接线是否插好。</translation>
    </message>
    <message>
        <source>The printer is not set up on this counter: call the installer.</source>
        <translation>本柜台尚未设置打印机：请联系安装人员。</translation>
    </message>
    <message>
        <source>The printer is out of paper: load a new roll.</source>
        <translation>打印机缺纸：请装入新纸卷。</translation>
    </message>
    <message>
        <source>The printer reports an error: clear it (paper jam, cutter) and switch the printer off and on.</source>
        <translation>打印机报错：请排除故障（卡纸、切刀），然后关闭并重新打开打印机。</translation>
    </message>
    <message>
        <source>The printer stopped while printing: the voucher may be incomplete.</source>
        <translation>打印机在打印中途停止：凭条可能不完整。</translation>
    </message>
    <message>
        <source>The printer's cover is open: close it.</source>
        <translation>打印机盖未关：请关好。</translation>
    </message>
    <message>
        <source>The sale is not finished yet. Keep the money, and do not sell it again.</source>
        <translation>这笔售电尚未完成。请保留款项，不要重复售电。</translation>
    </message>
    <message>
        <source>The sale is not finished yet. Keep the money: do not refund it and do not sell it again.</source>
        <translation>这笔售电尚未完成。请保留款项：不要退款，也不要重复售电。</translation>
    </message>
    <message>
        <source>The sale {bill} is made and the token is valid: hand it over (read it out, or copy it). Only the voucher is missing.</source>
        <translation>售电单 {bill} 已完成，购电码有效：请交给客户（念给客户或复制）。只是凭条未打印。</translation>
    </message>
    <message>
        <source>The sale {bill} is made: the credit is on the card. Only the voucher is missing.</source>
        <translation>售电单 {bill} 已完成：电量已写入电卡。只是凭条未打印。</translation>
    </message>
    <message>
        <source>The secure module is not connected. Check its cable and power, then press Enter again.</source>
        <translation>安全模块未连接。请检查其连接线和电源，然后再按回车。</translation>
    </message>
    <message>
        <source>The secure module refused to make the token. Press Enter to try again; if it is refused again, call your supervisor.</source>
        <translation>安全模块拒绝生成购电码。请按回车重试；如果再次被拒，请联系主管。</translation>
    </message>
    <message>
        <source>The secure module stopped answering during the sale. Check its cable and power: the token shows here by itself as soon as the module answers again.</source>
        <translation>售电过程中安全模块停止响应。请检查其连接线和电源：模块恢复响应后，购电码会自动显示在这里。</translation>
    </message>
    <message>
        <source>The voucher of sale {bill} was not reprinted.</source>
        <translation>售电单 {bill} 的凭条未能补打。</translation>
    </message>
    <message>
        <source>Then ask an operator who may reprint vouchers to print it again.</source>
        <translation>然后请有补打权限的操作员重新打印。</translation>
    </message>
    <message>
        <source>Then print it again (Ctrl+R).</source>
        <translation>然后重新打印（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Nothing was put on the card: it could not be written. Check that it sits right in the reader, then press Enter to sell again.</source>
        <translation>电卡上没有写入任何电量：无法写卡。请检查电卡是否插好，然后按回车重新售电。</translation>
    </message>
</context>
</TS>
