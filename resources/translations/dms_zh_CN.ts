<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerCardView</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Select a result to see the customer.</source>
        <translation>选择一条结果以查看客户信息。</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>home {number}</source>
        <translation>住宅 {number}</translation>
    </message>
    <message>
        <source>office {number}</source>
        <translation>办公 {number}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong. The action was not completed. Please copy the details below and send them to your system administrator.</source>
        <translation>出现了问题，操作未完成。请复制下面的详细信息并发送给系统管理员。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign in to DMS</source>
        <translation>登录 DMS</translation>
    </message>
    <message>
        <source>After-sales service</source>
        <translation>售后服务管理系统</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>e.g. advisor1</source>
        <translation>例如 advisor1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LookupModel</name>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN 码</translation>
    </message>
    <message>
        <source>Brand / series</source>
        <translation>品牌 / 车系</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
</context>
<context>
    <name>LookupWorkspace</name>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No customer or vehicle matches “{text}”.</source>
        <translation>没有与“{text}”匹配的客户或车辆。</translation>
    </message>
    <message>
        <source>{count}+ results, scroll down for more</source>
        <translation>已显示 {count} 条结果，向下滚动加载更多</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>共 {count} 条结果</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>搜索失败。</translation>
    </message>
    <message>
        <source>Type at least part of a plate, VIN, phone number or name.</source>
        <translation>请输入车牌号、VIN 码、电话号码或姓名（可输入部分）。</translation>
    </message>
    <message>
        <source>Plate, VIN, phone or name</source>
        <translation>车牌号、VIN 码、电话或姓名</translation>
    </message>
    <message>
        <source>Searches as you type. Press Down to move into the results.</source>
        <translation>输入即搜索。按下方向键进入结果列表。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Service advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>车间调度</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>班组长</translation>
    </message>
    <message>
        <source>QC inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Warehouse clerk</source>
        <translation>仓库管理员</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Customer care</source>
        <translation>客服/回访员</translation>
    </message>
    <message>
        <source>Service manager</source>
        <translation>服务经理</translation>
    </message>
    <message>
        <source>About DMS</source>
        <translation>关于 DMS</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DMS {version}&lt;/h3&gt;&lt;p&gt;After-sales management for 4S dealerships: customers, vehicles, appointments, work orders, workshop, parts and settlement.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DMS {version}&lt;/h3&gt;&lt;p&gt;4S 店售后服务管理：客户、车辆、预约、工单、车间、配件与结算。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>DMS — {store} — {user}</source>
        <translation>DMS — {store} — {user}</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>客户车辆查询</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About DMS</source>
        <translation>关于 DMS(&amp;A)</translation>
    </message>
    <message>
        <source>{user} ({roles}) · {store}</source>
        <translation>{user}（{roles}）· {store}</translation>
    </message>
    <message>
        <source>Local database (SQLite)</source>
        <translation>本地数据库（SQLite）</translation>
    </message>
    <message>
        <source>Server database (PostgreSQL)</source>
        <translation>服务器数据库（PostgreSQL）</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your manager to enable it.</source>
        <translation>该账号已停用，请联系经理启用。</translation>
    </message>
    <message>
        <source>The database file {path} is on a network share. SQLite cannot be shared across computers safely; use a PostgreSQL server for several seats.</source>
        <translation>数据库文件 {path} 位于网络共享上。SQLite 不能安全地在多台电脑之间共享；多工位请使用 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>Unsupported database address {url}: use sqlite:/// or postgresql://</source>
        <translation>不支持的数据库地址 {url}：请使用 sqlite:/// 或 postgresql://</translation>
    </message>
    <message>
        <source>{what} {key} was not found.</source>
        <translation>未找到{what} {key}。</translation>
    </message>
    <message>
        <source>Your role does not allow this action: {action}.</source>
        <translation>您的角色无权执行此操作：{action}。</translation>
    </message>
    <message>
        <source>{what} was changed by {user} at {when}. Reload it and try again.</source>
        <translation>{what}已于 {when} 被 {user} 修改。请重新加载后再试。</translation>
    </message>
    <message>
        <source>Cannot {action} a work order that is {state}.</source>
        <translation>工单处于“{state}”状态，不能执行“{action}”。</translation>
    </message>
    <message>
        <source>Not enough stock of {part}: {available} available, {requested} requested.</source>
        <translation>配件 {part} 库存不足：可用 {available}，需要 {requested}。</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <source>DMS</source>
        <translation>DMS</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Choose a CJK font</source>
        <translation>选择中文字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>CJK &amp;font file</source>
        <translation>中文字体文件(&amp;F)</translation>
    </message>
    <message>
        <source>Automatic (WenQuanYi Micro Hei, Microsoft YaHei…)</source>
        <translation>自动（文泉驿微米黑、微软雅黑…）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The language changes when you press OK; a few texts, and the font, change at the next start.</source>
        <translation>按“确定”后立即切换语言；个别文字和字体在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>VehicleTableModel</name>
    <message>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN 码</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>车系</translation>
    </message>
    <message>
        <source>Model year</source>
        <translation>年款</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
</context>
</TS>
