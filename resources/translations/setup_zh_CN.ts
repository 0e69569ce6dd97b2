<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>The device could not be checked ({native}).</source>
      <translation>无法检查该设备（{native}）。</translation>
    </message>
    <message>
      <source>The port {port} is used by another program ({holder}). Close that program, then try again.</source>
      <translation>端口 {port} 正被另一个程序使用（{holder}）。请关闭该程序后重试。</translation>
    </message>
    <message>
      <source>Permission denied on {port}: add the user {user} to the {group} group (sudo usermod -aG {group} {user}), then log out and in again.</source>
      <translation>无权访问 {port}：请将用户 {user} 加入 {group} 组（sudo usermod -aG {group} {user}），然后注销并重新登录。</translation>
    </message>
    <message>
      <source>There is no port {port}: the module is unplugged or the name is wrong. Plug it in and look for it in the list again.</source>
      <translation>没有端口 {port}：模块未连接或名称错误。请连接模块后在列表中重新查找。</translation>
    </message>
    <message>
      <source>No secure module answered on {port} at {baud} baud ({native}). Another device is connected there, or the module is switched off.</source>
      <translation>端口 {port}（{baud} 波特）上没有安全模块应答（{native}）。该端口连接的是其他设备，或模块未开机。</translation>
    </message>
    <message>
      <source>No PC/SC service running ({native}): install and start pcscd (sudo apt install pcscd, then sudo systemctl start pcscd).</source>
      <translation>没有运行 PC/SC 服务（{native}）：请安装并启动 pcscd（sudo apt install pcscd，然后 sudo systemctl start pcscd）。</translation>
    </message>
    <message>
      <source>The smart card library is not installed ({native}): install pyscard (pip install pyscard, it needs libpcsclite-dev) and start StarPOS again.</source>
      <translation>未安装智能卡库（{native}）：请安装 pyscard（pip install pyscard，需要 libpcsclite-dev）后重新启动 StarPOS。</translation>
    </message>
    <message>
      <source>No card reader is connected ({native}). Plug in the reader; if it is plugged in, check that pcscd has a driver for it (libccid).</source>
      <translation>没有连接读卡器（{native}）。请插入读卡器；如已插入，请检查 pcscd 是否有其驱动（libccid）。</translation>
    </message>
    <message>
      <source>USB printers cannot be listed ({native}): install pyusb and libusb-1.0, or type the printer's network address or serial port instead.</source>
      <translation>无法列出 USB 打印机（{native}）：请安装 pyusb 和 libusb-1.0，或改为输入打印机的网络地址或串口。</translation>
    </message>
    <message>
      <source>Permission denied on the USB printer {device}: add a udev rule giving the user {user} access to it (or add the user to the lp group), then plug it in again.</source>
      <translation>无权访问 USB 打印机 {device}：请添加 udev 规则允许用户 {user} 访问（或将该用户加入 lp 组），然后重新插入打印机。</translation>
    </message>
  </context>
  <context>
    <name>devices</name>
    <message>
      <source>No secure module found.</source>
      <translation>未找到安全模块。</translation>
    </message>
    <message>
      <source>secure module {module_id}, firmware {firmware}, {keys} key(s){training}</source>
      <translation>安全模块 {module_id}，固件 {firmware}，{keys} 个密钥{training}</translation>
    </message>
    <message>
      <source>, training module</source>
      <translation>，培训模块</translation>
    </message>
    <message>
      <source>no USB printer</source>
      <translation>没有 USB 打印机</translation>
    </message>
    <message>
      <source>Serial ports</source>
      <translation>串口</translation>
    </message>
    <message>
      <source>USB printers</source>
      <translation>USB 打印机</translation>
    </message>
    <message>
      <source>Card readers</source>
      <translation>读卡器</translation>
    </message>
  </context>
  <context>
    <name>sm</name>
    <message>
      <source>The module holds no keys: load the KMF file from the utility.</source>
      <translation>模块中没有密钥：请加载电力公司提供的 KMF 文件。</translation>
    </message>
    <message>
      <source>Key in register {register} (SGC {sgc}, KRN {krn}) expires on {day}: {days} day(s) left.</source>
      <translation>寄存器 {register} 中的密钥（SGC {sgc}，KRN {krn}）将于 {day} 到期：还剩 {days} 天。</translation>
    </message>
    <message>
      <source>Key in register {register} (SGC {sgc}, KRN {krn}) expired on {day}: load its new KMF.</source>
      <translation>寄存器 {register} 中的密钥（SGC {sgc}，KRN {krn}）已于 {day} 到期：请加载新的 KMF。</translation>
    </message>
    <message>
      <source>Reg  SGC     KRN  KT  KEN  Base  Algorithm      Activation  Issued until  Expires</source>
      <translation>寄存器  SGC     KRN  KT  KEN  基准  算法           启用日期    签发截止      到期</translation>
    </message>
    <message>
      <source>The date {value} is not a date such as 2026-12-31.</source>
      <translation>{value} 不是形如 2026-12-31 的日期。</translation>
    </message>
    <message>
      <source>Balance before (kWh)</source>
      <translation>之前余额（kWh）</translation>
    </message>
    <message>
      <source>Operation</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Key registers</source>
      <translation>密钥寄存器</translation>
    </message>
  </context>
</TS>
