<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>The secure module {module} holds no vending key in force today. Load the utility's KMF file (Secure module manager, Load KMF) before the first sale.</source>
      <translation>安全模块 {module} 今天没有有效的售电密钥。首次销售前请加载公司的 KMF 文件（安全模块管理器，加载 KMF）。</translation>
    </message>
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
    <name>setup</name>
    <message>
      <source>Test vend: not made (the first sale will check the same).</source>
      <translation>测试售电：未进行（首次销售时会检查同样的内容）。</translation>
    </message>
    <message>
      <source>Test vend: done for meter {meter}.</source>
      <translation>测试售电：已为电表 {meter} 完成。</translation>
    </message>
    <message>
      <source>Asking the secure module for the test meter…</source>
      <translation>正在向安全模块询问测试电表…</translation>
    </message>
    <message>
      <source>The module is ready; printing the test voucher…</source>
      <translation>模块已就绪；正在打印测试凭条…</translation>
    </message>
    <message>
      <source>Test vend</source>
      <translation>测试售电</translation>
    </message>
    <message>
      <source>A test vend for a test meter through the module and the printer chosen: the module is asked what a sale needs, the printer prints the meter's test token. Nothing is sold.</source>
      <translation>用所选的模块和打印机为测试电表进行一次测试售电：向模块询问一次销售所需的内容，打印机打印该电表的测试令牌。不会售出任何东西。</translation>
    </message>
    <message>
      <source>Test &amp;meter number:</source>
      <translation>测试电表号(&amp;M)：</translation>
    </message>
    <message>
      <source>Make a test &amp;vend</source>
      <translation>进行测试售电(&amp;V)</translation>
    </message>
    <message>
      <source>Credit the module (Secure module manager) before the first sale.</source>
      <translation>首次销售前请为模块充值（安全模块管理器）。</translation>
    </message>
    <message>
      <source>The test vend stopped at the secure module: {reason}</source>
      <translation>测试售电在安全模块处停止：{reason}</translation>
    </message>
    <message>
      <source>The module is ready for meter {meter}, but the test voucher did not print: {reason}</source>
      <translation>模块已为电表 {meter} 就绪，但测试凭条没有打印出来：{reason}</translation>
    </message>
    <message>
      <source>Test vend done for meter {meter}: module {module_id} holds the key that serves it (supply group {sgc}, key revision {krn}, register {register}).</source>
      <translation>已为电表 {meter} 完成测试售电：模块 {module_id} 持有为其服务的密钥（供电组 {sgc}，密钥版本 {krn}，寄存器 {register}）。</translation>
    </message>
    <message>
      <source>The module has {balance} kWh of credit.</source>
      <translation>模块有 {balance} kWh 的额度。</translation>
    </message>
    <message>
      <source>The test voucher printed on {connection} with the meter's test token {token}: no credit was used and nothing was sold, so there is nothing to void.</source>
      <translation>测试凭条已在 {connection} 上打印，带有该电表的测试令牌 {token}：未使用额度，也未售出任何东西，因此无需作废。</translation>
    </message>
    <message>
      <source>TEST VEND - NOT A SALE</source>
      <translation>测试售电 - 非销售</translation>
    </message>
    <message>
      <source>Test/display token for the meter: no credit, nothing booked, nothing to void.</source>
      <translation>电表的测试/显示令牌：无额度，无记账，无需作废。</translation>
    </message>
    <message>
      <source>This terminal uses module {module_id} (firmware {firmware}).</source>
      <translation>本终端使用模块 {module_id}（固件 {firmware}）。</translation>
    </message>
    <message>
      <source>Trying every serial port…</source>
      <translation>正在逐个尝试串口…</translation>
    </message>
    <message>
      <source>secure module {module_id}, firmware {firmware}, {keys} key(s)</source>
      <translation>安全模块 {module_id}，固件 {firmware}，{keys} 个密钥</translation>
    </message>
    <message>
      <source>Asking the module…</source>
      <translation>正在询问模块…</translation>
    </message>
    <message>
      <source>Secure module</source>
      <translation>安全模块</translation>
    </message>
    <message>
      <source>The module shows up as a serial port (Silicon Labs CP210x USB to UART Bridge). StarPOS tries each port.</source>
      <translation>模块显示为一个串口（Silicon Labs CP210x USB to UART Bridge）。StarPOS 会逐个尝试端口。</translation>
    </message>
    <message>
      <source>Serial &amp;ports:</source>
      <translation>串口(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Other port:</source>
      <translation>其他端口(&amp;O)：</translation>
    </message>
    <message>
      <source>&amp;Search again</source>
      <translation>重新查找(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Use this module</source>
      <translation>使用此模块(&amp;U)</translation>
    </message>
    <message>
      <source>Use the &amp;training module</source>
      <translation>使用培训模块(&amp;T)</translation>
    </message>
    <message>
      <source>Printing a test voucher…</source>
      <translation>正在打印测试凭条…</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>打印机</translation>
    </message>
    <message>
      <source>Choose the voucher printer, or type network:HOST:PORT or serial:DEVICE; virtual is the built-in printer for training.</source>
      <translation>选择凭条打印机，或输入 network:主机:端口 或 serial:设备；virtual 是用于培训的内置打印机。</translation>
    </message>
    <message>
      <source>&amp;Printer:</source>
      <translation>打印机(&amp;P)：</translation>
    </message>
    <message>
      <source>Paper &amp;width:</source>
      <translation>纸宽(&amp;W)：</translation>
    </message>
    <message>
      <source>P&amp;rofile:</source>
      <translation>型号(&amp;R)：</translation>
    </message>
    <message>
      <source>Print a &amp;test voucher</source>
      <translation>打印测试凭条(&amp;T)</translation>
    </message>
    <message>
      <source>Reading the card…</source>
      <translation>正在读卡…</translation>
    </message>
    <message>
      <source>The reader works: StarPOS card {serial} (ATR {atr}).</source>
      <translation>读卡器正常：StarPOS 卡 {serial}（ATR {atr}）。</translation>
    </message>
    <message>
      <source>The reader works: a card that is not a StarPOS card (ATR {atr}).</source>
      <translation>读卡器正常：这不是 StarPOS 卡（ATR {atr}）。</translation>
    </message>
    <message>
      <source>Card reader</source>
      <translation>读卡器</translation>
    </message>
    <message>
      <source>For card meters: the PC/SC reader the cashier puts the card in.</source>
      <translation>用于卡表：收银员插卡的 PC/SC 读卡器。</translation>
    </message>
    <message>
      <source>&amp;Reader:</source>
      <translation>读卡器(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;Look again</source>
      <translation>重新查找(&amp;L)</translation>
    </message>
    <message>
      <source>Read a test &amp;card</source>
      <translation>读取测试卡(&amp;C)</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Choose the module's port and press Use.</source>
      <translation>选择模块的端口并按“使用”。</translation>
    </message>
    <message>
      <source>No secure module found. Use the training module?</source>
      <translation>未找到安全模块。使用培训模块吗？</translation>
    </message>
    <message>
      <source>It is a training module: its tokens are for practice.</source>
      <translation>这是培训模块：其生成的代码仅供练习。</translation>
    </message>
    <message>
      <source>Put a card in the reader and read it.</source>
      <translation>请将卡插入读卡器并读取。</translation>
    </message>
    <message>
      <source>Test voucher printed on {connection} ({bytes} bytes); the printer says: {state}. Check the paper: the lines and the QR code must be sharp.</source>
      <translation>测试凭条已在 {connection} 打印（{bytes} 字节）；打印机状态：{state}。请检查纸张：文字和二维码必须清晰。</translation>
    </message>
    <message>
      <source>StarPOS set-up</source>
      <translation>StarPOS 设置</translation>
    </message>
    <message>
      <source>Printer: not tested (set it later in the settings).</source>
      <translation>打印机：未测试（稍后在设置中配置）。</translation>
    </message>
    <message>
      <source>Card reader: not tested (only card meters need one).</source>
      <translation>读卡器：未测试（仅卡表需要）。</translation>
    </message>
    <message>
      <source>Press Finish to log in.</source>
      <translation>按“完成”登录。</translation>
    </message>
    <message>
      <source>Press Finish to set up the utility in the back office.</source>
      <translation>按“完成”在后台设置电力公司。</translation>
    </message>
    <message>
      <source>Secure module: {module_id}{training}.</source>
      <translation>安全模块：{module_id}{training}。</translation>
    </message>
    <message>
      <source>Printer: {connection}, test voucher printed.</source>
      <translation>打印机：{connection}，测试凭条已打印。</translation>
    </message>
    <message>
      <source>Card reader: {reader}, test card read.</source>
      <translation>读卡器：{reader}，测试卡已读取。</translation>
    </message>
    <message>
      <source> (training)</source>
      <translation>（培训）</translation>
    </message>
    <message>
      <source>Welcome to StarPOS</source>
      <translation>欢迎使用 StarPOS</translation>
    </message>
    <message>
      <source>This wizard sets up this PC in a few steps.</source>
      <translation>本向导将分几步设置这台电脑。</translation>
    </message>
    <message>
      <source>&amp;Language of StarPOS on this PC:</source>
      <translation>本机 StarPOS 的语言(&amp;L)：</translation>
    </message>
    <message>
      <source>What is this PC?</source>
      <translation>这台电脑的用途？</translation>
    </message>
    <message>
      <source>Choose how this StarPOS is used.</source>
      <translation>选择此 StarPOS 的使用方式。</translation>
    </message>
    <message>
      <source>A &amp;new utility on this PC</source>
      <translation>本机上的新电力公司(&amp;N)</translation>
    </message>
    <message>
      <source>Everything on this PC: after the devices, the back office's set-up creates the company, sales points, tariffs and operators (or loads the demo utility).</source>
      <translation>一切都在这台电脑上：设备之后，后台设置将创建公司、售电点、电价和操作员（或加载演示电力公司）。</translation>
    </message>
    <message>
      <source>A &amp;counter of an existing head office</source>
      <translation>现有总部的收费点(&amp;C)</translation>
    </message>
    <message>
      <source>The head office gave you its server address and a one-time enrolment code for this terminal; its master data comes down to this PC.</source>
      <translation>总部已为本终端提供服务器地址和一次性注册码；其基础数据将下载到这台电脑。</translation>
    </message>
    <message>
      <source>Enrolling with the head office…</source>
      <translation>正在向总部注册…</translation>
    </message>
    <message>
      <source>Head office</source>
      <translation>总部</translation>
    </message>
    <message>
      <source>Enrol this counter with its head office.</source>
      <translation>将此收费点注册到其总部。</translation>
    </message>
    <message>
      <source>&amp;Server address:</source>
      <translation>服务器地址(&amp;S)：</translation>
    </message>
    <message>
      <source>One-time &amp;code:</source>
      <translation>一次性注册码(&amp;C)：</translation>
    </message>
    <message>
      <source>&amp;Enrol</source>
      <translation>注册(&amp;E)</translation>
    </message>
    <message>
      <source>This terminal's sales point</source>
      <translation>本终端的售电点</translation>
    </message>
    <message>
      <source>A new utility has no sales points yet: the back office's set-up, after this wizard, creates them, and each operator logs in at one.</source>
      <translation>新电力公司还没有售电点：本向导之后的后台设置会创建售电点，每个操作员在其中一个售电点登录。</translation>
    </message>
    <message>
      <source>Enrolled as terminal {terminal} of sales point {sales_point}; the head office's master data has arrived.</source>
      <translation>已注册为售电点 {sales_point} 的终端 {terminal}；总部的基础数据已到达。</translation>
    </message>
    <message>
      <source>The head office made this PC terminal {terminal} of sales point {sales_point}. Its sales are booked there.</source>
      <translation>总部已将这台电脑设为售电点 {sales_point} 的终端 {terminal}，其销售记在该售电点。</translation>
    </message>
    <message>
      <source>Set-up wizard…</source>
      <translation>设置向导…</translation>
    </message>
    <message>
      <source>Secure module manager…</source>
      <translation>安全模块管理器…</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>完成(&amp;F)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>What this PC is set up with.</source>
      <translation>这台电脑的设置结果。</translation>
    </message>
  </context>
  <context>
    <name>modulemanager</name>
    <message>
      <source>Current or old</source>
      <translation>当前或旧</translation>
    </message>
    <message>
      <source>current</source>
      <translation>当前</translation>
    </message>
    <message>
      <source>old (KRN {krn} is current)</source>
      <translation>旧（当前为 KRN {krn}）</translation>
    </message>
    <message>
      <source>Reading the module…</source>
      <translation>正在读取模块…</translation>
    </message>
    <message>
      <source>signed in</source>
      <translation>已登录</translation>
    </message>
    <message>
      <source>queries only</source>
      <translation>仅查询</translation>
    </message>
    <message>
      <source>no answer</source>
      <translation>无应答</translation>
    </message>
    <message>
      <source>Key file (KMF)</source>
      <translation>密钥文件（KMF）</translation>
    </message>
    <message>
      <source>KMF files (*.kmf);;All (*)</source>
      <translation>KMF 文件 (*.kmf);;全部 (*)</translation>
    </message>
    <message>
      <source>Load KMF</source>
      <translation>加载 KMF</translation>
    </message>
    <message>
      <source>Loading the keys…</source>
      <translation>正在加载密钥…</translation>
    </message>
    <message>
      <source>Credit update block</source>
      <translation>额度更新块</translation>
    </message>
    <message>
      <source>Credit blocks (*.smc);;All (*)</source>
      <translation>额度块 (*.smc);;全部 (*)</translation>
    </message>
    <message>
      <source>Credit the module</source>
      <translation>为模块充额度</translation>
    </message>
    <message>
      <source>Crediting the module…</source>
      <translation>正在为模块充额度…</translation>
    </message>
    <message>
      <source>Secure module manager</source>
      <translation>安全模块管理器</translation>
    </message>
    <message>
      <source>&amp;Keys</source>
      <translation>密钥(&amp;K)</translation>
    </message>
    <message>
      <source>Credit &amp;history</source>
      <translation>额度历史(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <source>Load &amp;KMF…</source>
      <translation>加载 KMF(&amp;K)…</translation>
    </message>
    <message>
      <source>&amp;Credit…</source>
      <translation>充额度(&amp;C)…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Key {register} (SGC {sgc}, KRN {krn}) expired on {day}.</source>
      <translation>密钥 {register}（SGC {sgc}，KRN {krn}）已于 {day} 到期。</translation>
    </message>
    <message>
      <source>Key {register} (SGC {sgc}, KRN {krn}) expires on {day}: {days} day(s) left. Ask the key management centre for its next KMF.</source>
      <translation>密钥 {register}（SGC {sgc}，KRN {krn}）将于 {day} 到期：还剩 {days} 天。请向密钥管理中心索取新的 KMF。</translation>
    </message>
    <message>
      <source> (training)</source>
      <translation>（培训）</translation>
    </message>
    <message>
      <source>{count} key(s) loaded; key check value {key_check}.</source>
      <translation>已加载 {count} 个密钥；密钥校验值 {key_check}。</translation>
    </message>
    <message>
      <source>Credit update {sequence} applied: {before} kWh before, {after} after.</source>
      <translation>额度更新 {sequence} 已应用：之前 {before} kWh，之后 {after}。</translation>
    </message>
    <message>
      <source>The file {path} cannot be read: {reason}.</source>
      <translation>无法读取文件 {path}：{reason}。</translation>
    </message>
    <message>
      <source>&amp;Apply</source>
      <translation>应用(&amp;A)</translation>
    </message>
    <message>
      <source>Key file for module {module_id}, issued {issued}; signature good.</source>
      <translation>模块 {module_id} 的密钥文件，签发于 {issued}；签名有效。</translation>
    </message>
    <message>
      <source>{operation} {amount} kWh (credit update {sequence}); signature good.</source>
      <translation>{operation} {amount} kWh（额度更新 {sequence}）；签名有效。</translation>
    </message>
    <message>
      <source>Balance now: {before} kWh. After: {after} kWh.</source>
      <translation>当前余额：{before} kWh。之后：{after} kWh。</translation>
    </message>
    <message>
      <source>Register {register}: new key, SGC {sgc}, KRN {krn}, {algorithm}, until {until}.</source>
      <translation>寄存器 {register}：新密钥，SGC {sgc}，KRN {krn}，{algorithm}，有效至 {until}。</translation>
    </message>
    <message>
      <source>Register {register}: replaces SGC {old_sgc} KRN {old_krn} by SGC {sgc}, KRN {krn}, {algorithm}, until {until}.</source>
      <translation>寄存器 {register}：以 SGC {sgc}、KRN {krn}、{algorithm}（有效至 {until}）替换 SGC {old_sgc} KRN {old_krn}。</translation>
    </message>
    <message>
      <source>Register {register}: the same key again (SGC {sgc}, KRN {krn}).</source>
      <translation>寄存器 {register}：相同的密钥（SGC {sgc}，KRN {krn}）。</translation>
    </message>
    <message>
      <source>Register {register}: kept as it is (SGC {sgc}, KRN {krn}).</source>
      <translation>寄存器 {register}：保持不变（SGC {sgc}，KRN {krn}）。</translation>
    </message>
    <message>
      <source>Module id:</source>
      <translation>模块编号：</translation>
    </message>
    <message>
      <source>Firmware:</source>
      <translation>固件：</translation>
    </message>
    <message>
      <source>Balance (kWh):</source>
      <translation>余额（kWh）：</translation>
    </message>
    <message>
      <source>Credit update sequence:</source>
      <translation>额度更新序号：</translation>
    </message>
    <message>
      <source>Link:</source>
      <translation>连接：</translation>
    </message>
    <message>
      <source>Key check value:</source>
      <translation>密钥校验值：</translation>
    </message>
    <message>
      <source>good</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>expires soon</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <source>expired</source>
      <translation>已到期</translation>
    </message>
    <message>
      <source>not active yet</source>
      <translation>尚未启用</translation>
    </message>
    <message>
      <source>vending</source>
      <translation>售电</translation>
    </message>
    <message>
      <source>key change only</source>
      <translation>仅用于换密钥</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>替换</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>增加</translation>
    </message>
    <message>
      <source>Decrease</source>
      <translation>减少</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>寄存器</translation>
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
      <source>Key type</source>
      <translation>密钥类型</translation>
    </message>
    <message>
      <source>KEN</source>
      <translation>KEN</translation>
    </message>
    <message>
      <source>Base date</source>
      <translation>基准日期</translation>
    </message>
    <message>
      <source>Algorithm</source>
      <translation>算法</translation>
    </message>
    <message>
      <source>Use</source>
      <translation>用途</translation>
    </message>
    <message>
      <source>Activation</source>
      <translation>启用日期</translation>
    </message>
    <message>
      <source>Issued until</source>
      <translation>签发截止</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>到期</translation>
    </message>
    <message>
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <source>Standing</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Credit limit (kWh)</source>
      <translation>额度上限（kWh）</translation>
    </message>
    <message>
      <source>Sequence</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Operation</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Amount (kWh)</source>
      <translation>数量（kWh）</translation>
    </message>
    <message>
      <source>Balance before (kWh)</source>
      <translation>之前余额（kWh）</translation>
    </message>
    <message>
      <source>Balance after (kWh)</source>
      <translation>之后余额（kWh）</translation>
    </message>
    <message>
      <source>Block</source>
      <translation>块</translation>
    </message>
  </context>
  <context>
    <name>status</name>
    <message>
      <source>Module key expired</source>
      <translation>模块密钥已到期</translation>
    </message>
    <message>
      <source>Module key expires in {days} day(s)</source>
      <translation>模块密钥将在 {days} 天后到期</translation>
    </message>
    <message>
      <source>Key {register} (SGC {sgc}, KRN {krn}): until {day}</source>
      <translation>密钥 {register}（SGC {sgc}，KRN {krn}）：有效至 {day}</translation>
    </message>
  </context>
</TS>
