<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>StarPOS could not complete the request.</source>
      <translation>StarPOS 无法完成该请求。</translation>
    </message>
    <message>
      <source>The setting is not valid.</source>
      <translation>该设置无效。</translation>
    </message>
    <message>
      <source>The local database could not be used.</source>
      <translation>无法使用本地数据库。</translation>
    </message>
    <message>
      <source>A device did not answer as expected.</source>
      <translation>设备未按预期应答。</translation>
    </message>
    <message>
      <source>You are not allowed to do this.</source>
      <translation>您无权执行此操作。</translation>
    </message>
    <message>
      <source>The sale could not be priced.</source>
      <translation>无法为该笔销售计价。</translation>
    </message>
    <message>
      <source>The vend could not be completed.</source>
      <translation>售电未能完成。</translation>
    </message>
    <message>
      <source>There is no setting called {key}.</source>
      <translation>没有名为 {key} 的设置。</translation>
    </message>
    <message>
      <source>The setting {key} needs a value of type {type}, not {value!r}.</source>
      <translation>设置 {key} 需要 {type} 类型的值，而不是 {value!r}。</translation>
    </message>
    <message>
      <source>The settings file {path} cannot be read: {reason}.</source>
      <translation>无法读取设置文件 {path}：{reason}。</translation>
    </message>
    <message>
      <source>There is no active prepaid keypad meter to sell to; run starpos demo seed first.</source>
      <translation>没有可售电的有效预付费键盘电表；请先运行 starpos demo seed。</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>usage error</source>
      <translation>用法错误</translation>
    </message>
    <message>
      <source>internal error ({kind}); details are in {path}</source>
      <translation>内部错误（{kind}）；详情见 {path}</translation>
    </message>
    <message>
      <source>First run: seeding the demo utility (this takes a minute).</source>
      <translation>首次运行：正在生成演示电力公司数据（约需一分钟）。</translation>
    </message>
    <message>
      <source>No display: showing one sale at the counter without the window.</source>
      <translation>没有显示器：在不打开窗口的情况下演示一笔柜台售电。</translation>
    </message>
    <message>
      <source>Cashier {cashier} sold {net} to meter {meter} ({customer}): bill {bill}, {energy} kWh.
Token: {token}</source>
      <translation>收银员 {cashier} 向电表 {meter}（{customer}）售电 {net}：单据 {bill}，{energy} kWh。
充值码：{token}</translation>
    </message>
    <message>
      <source>Voucher printed by the virtual printer: {path}</source>
      <translation>虚拟打印机打印的凭条：{path}</translation>
    </message>
  </context>
  <context>
    <name>settings</name>
    <message>
      <source>Database URL (empty: SQLite in the data folder)</source>
      <translation>数据库 URL（留空：数据文件夹中的 SQLite）</translation>
    </message>
    <message>
      <source>Language (empty: from the system)</source>
      <translation>语言（留空：跟随系统）</translation>
    </message>
    <message>
      <source>STA tables file (empty: the sample tables)</source>
      <translation>STA 表文件（留空：示例表）</translation>
    </message>
    <message>
      <source>Secure module port or URL (empty: start the emulator)</source>
      <translation>安全模块端口或 URL（留空：启动模拟器）</translation>
    </message>
    <message>
      <source>Secure module baud rate</source>
      <translation>安全模块波特率</translation>
    </message>
    <message>
      <source>Secure module answer timeout (ms)</source>
      <translation>安全模块应答超时（毫秒）</translation>
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
      <source>Paper width (mm)</source>
      <translation>纸宽（毫米）</translation>
    </message>
    <message>
      <source>Print the token as a QR code</source>
      <translation>以二维码打印充值码</translation>
    </message>
    <message>
      <source>Open the cash drawer on cash sales</source>
      <translation>现金销售时打开钱箱</translation>
    </message>
    <message>
      <source>Voucher header lines</source>
      <translation>凭条页眉行</translation>
    </message>
    <message>
      <source>Voucher footer lines</source>
      <translation>凭条页脚行</translation>
    </message>
    <message>
      <source>Card reader name (empty: the first reader)</source>
      <translation>读卡器名称（留空：第一个读卡器）</translation>
    </message>
  </context>
</TS>
