<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialogs</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Quick open...</source>
        <translation>快速打开(&amp;Q)...</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch user</source>
        <translation>注销 / 切换用户(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)...</translation>
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
        <source>&amp;Search customer or vehicle</source>
        <translation>查找客户或车辆(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open vehicle file (Enter)</source>
        <translation>打开车辆档案(&amp;O)（回车）</translation>
    </message>
    <message>
        <source>&amp;Back to search</source>
        <translation>返回查找(&amp;B)</translation>
    </message>
    <message>
        <source>New &amp;customer...</source>
        <translation>新建客户(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Edit customer...</source>
        <translation>编辑客户(&amp;E)...</translation>
    </message>
    <message>
        <source>New &amp;vehicle...</source>
        <translation>新建车辆(&amp;V)...</translation>
    </message>
    <message>
        <source>Edit ve&amp;hicle...</source>
        <translation>编辑车辆(&amp;H)...</translation>
    </message>
    <message>
        <source>Change &amp;owner...</source>
        <translation>变更车主(&amp;O)...</translation>
    </message>
    <message>
        <source>New &amp;work order (walk-in)...</source>
        <translation>新建工单（直接到店）(&amp;W)...</translation>
    </message>
    <message>
        <source>&amp;Book appointment...</source>
        <translation>预约(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;Add declined work to a new order...</source>
        <translation>将未做项目加入新工单(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Appointment book</source>
        <translation>预约簿(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Arrived: open work order...</source>
        <translation>已到店：开工单(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>未到店(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Cancel booking...</source>
        <translation>取消预约(&amp;C)...</translation>
    </message>
    <message>
        <source>Record &amp;reminder call...</source>
        <translation>记录提醒电话(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Previous day</source>
        <translation>前一天(&amp;P)</translation>
    </message>
    <message>
        <source>Ne&amp;xt day</source>
        <translation>后一天(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Week view</source>
        <translation>周视图(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Find order (scan job card)</source>
        <translation>查找工单（扫描派工单）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back to the queue</source>
        <translation>返回待收款列表(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Settle / take payment and print</source>
        <translation>结算 / 收款并打印(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add payment</source>
        <translation>添加付款(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Credit, approved by a manager...</source>
        <translation>挂账（经理批准）(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Refund or credit note...</source>
        <translation>退款或红字冲销(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Preview settlement slip...</source>
        <translation>预览结算单(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Gate pass...</source>
        <translation>出门证(&amp;G)...</translation>
    </message>
    <message>
        <source>&amp;Day-end report</source>
        <translation>日结报表(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Print day-end report...</source>
        <translation>打印日结报表(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Export day-end report...</source>
        <translation>导出日结报表(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Reminder calls</source>
        <translation>提醒回访(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Follow-up queue</source>
        <translation>回访队列(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Complaints</source>
        <translation>投诉(&amp;C)</translation>
    </message>
    <message>
        <source>Choose the &amp;list</source>
        <translation>选择名单(&amp;L)</translation>
    </message>
    <message>
        <source>Record the &amp;call...</source>
        <translation>记录通话(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Book from the call...</source>
        <translation>通话转预约(&amp;B)...</translation>
    </message>
    <message>
        <source>Record the &amp;follow-up...</source>
        <translation>记录回访(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;New complaint...</source>
        <translation>新建投诉(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Hand over...</source>
        <translation>转交(&amp;H)...</translation>
    </message>
    <message>
        <source>&amp;Resolve...</source>
        <translation>处理(&amp;R)...</translation>
    </message>
    <message>
        <source>C&amp;losing call...</source>
        <translation>结案回访(&amp;L)...</translation>
    </message>
    <message>
        <source>&amp;Escalate overdue</source>
        <translation>升级逾期投诉(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export the chosen list</source>
        <translation>导出所选清单(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cancel the export</source>
        <translation>取消导出(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New user or record...</source>
        <translation>新建用户或记录(&amp;N)...</translation>
    </message>
    <message>
        <source>A package&apos;s &amp;items...</source>
        <translation>套餐项目(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Adopt the learned median</source>
        <translation>采用学习所得中位数(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Clock on</source>
        <translation>上工(&amp;C)</translation>
    </message>
    <message>
        <source>Clock o&amp;ff</source>
        <translation>下工(&amp;F)</translation>
    </message>
    <message>
        <source>Job &amp;done (clock off)</source>
        <translation>项目完工(&amp;D)（下工）</translation>
    </message>
    <message>
        <source>Pause: waiting for &amp;parts</source>
        <translation>暂停：等待配件(&amp;P)</translation>
    </message>
    <message>
        <source>Pause: waiting for &amp;approval</source>
        <translation>暂停：等待客户确认(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>恢复维修(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Self-check, send to QC...</source>
        <translation>自检并送质检(&amp;S)...</translation>
    </message>
    <message>
        <source>Propose &amp;added work...</source>
        <translation>提报增项(&amp;A)...</translation>
    </message>
    <message>
        <source>Ask the counter for &amp;parts</source>
        <translation>向配件前台要料(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tools and equipment</source>
        <translation>工具设备(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Back to my jobs</source>
        <translation>返回我的工作(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Find a tool</source>
        <translation>查找工具(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Check out...</source>
        <translation>借出(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>归还(&amp;R)</translation>
    </message>
    <message>
        <source>Return &amp;damaged...</source>
        <translation>损坏归还(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Maintenance...</source>
        <translation>保养维修记录(&amp;M)...</translation>
    </message>
    <message>
        <source>Board by &amp;state</source>
        <translation>按状态看板(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Plan by technician</source>
        <translation>按技师排班(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;QC desk</source>
        <translation>质检台(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;TV mode</source>
        <translation>电视模式(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Move job to...</source>
        <translation>移动作业到(&amp;M)...</translation>
    </message>
    <message>
        <source>&amp;Pass</source>
        <translation>合格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Fail: back to rework...</source>
        <translation>不合格：返工(&amp;F)...</translation>
    </message>
    <message>
        <source>QC &amp;sheet...</source>
        <translation>质检单(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Picking queue</source>
        <translation>领料队列(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Undo the last scan</source>
        <translation>撤销上一次扫码(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Return to the counter...</source>
        <translation>退料(&amp;R)...</translation>
    </message>
    <message>
        <source>E&amp;xchange a part...</source>
        <translation>换料(&amp;X)...</translation>
    </message>
    <message>
        <source>Record the &amp;old part...</source>
        <translation>登记旧件(&amp;O)...</translation>
    </message>
    <message>
        <source>Old part &amp;into the store</source>
        <translation>旧件入库(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Save check-in and print for signature</source>
        <translation>保存接车单并打印签字(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;work order (Enter)</source>
        <translation>打开工单(&amp;W)（回车）</translation>
    </message>
    <message>
        <source>&amp;Add a line</source>
        <translation>添加项目(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Change line...</source>
        <translation>修改项目(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>删除项目(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;fee...</source>
        <translation>添加费用(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;Issue and print the estimate</source>
        <translation>出具并打印估价单(&amp;I)</translation>
    </message>
    <message>
        <source>Customer &amp;approves...</source>
        <translation>客户确认(&amp;A)...</translation>
    </message>
    <message>
        <source>Added &amp;work queue</source>
        <translation>增项待确认(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Price as the catalogue has it</source>
        <translation>按目录报价(&amp;P)</translation>
    </message>
    <message>
        <source>Customer &amp;agreed (phone)</source>
        <translation>客户同意（电话）(&amp;A)</translation>
    </message>
    <message>
        <source>Customer &amp;declined</source>
        <translation>客户不同意(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Pre-settle and preview the slip</source>
        <translation>预结算并预览结算单(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Deliver the car...</source>
        <translation>交车(&amp;D)...</translation>
    </message>
    <message>
        <source>Customer &amp;signs the check-in sheet...</source>
        <translation>客户在屏幕上签接车单(&amp;S)...</translation>
    </message>
    <message>
        <source>Print the chec&amp;k-in sheet</source>
        <translation>打印接车单(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Find a part</source>
        <translation>查找配件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Goods in (receipt)</source>
        <translation>入库(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Book the receipt</source>
        <translation>确认入库(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Drop the receipt line</source>
        <translation>删除入库行(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Stocktake</source>
        <translation>盘点(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Post the stocktake...</source>
        <translation>盘点过账(&amp;P)...</translation>
    </message>
    <message>
        <source>Purchase &amp;orders</source>
        <translation>采购订单(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Make purchase orders</source>
        <translation>生成采购订单(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Receive against the order</source>
        <translation>按订单收货(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Print the picking list...</source>
        <translation>打印领料单(&amp;P)...</translation>
    </message>
    <message>
        <source>Print the part&apos;s &amp;label...</source>
        <translation>打印配件标签(&amp;L)...</translation>
    </message>
    <message>
        <source>Supplier returns and &amp;transfers</source>
        <translation>退货与调拨(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Send the return or transfer</source>
        <translation>提交退货或调拨(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Drop the line</source>
        <translation>删除此行(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Book the transfer in</source>
        <translation>调拨入库(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Print the transfer note...</source>
        <translation>打印调拨单(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Old parts of the store</source>
        <translation>本店旧件(&amp;O)</translation>
    </message>
    <message>
        <source>Old part &amp;handed to the customer</source>
        <translation>旧件交还客户(&amp;H)</translation>
    </message>
    <message>
        <source>Old part back to the &amp;maker...</source>
        <translation>旧件返厂(&amp;M)...</translation>
    </message>
    <message>
        <source>&amp;Scrap the old part...</source>
        <translation>旧件报废(&amp;S)...</translation>
    </message>
    <message>
        <source>Print the receipt&apos;s &amp;labels...</source>
        <translation>打印入库标签(&amp;L)...</translation>
    </message>
    <message>
        <source>&amp;Cancel the purchase order...</source>
        <translation>取消采购订单(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Print the purchase order...</source>
        <translation>打印采购订单(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Export the purchase order...</source>
        <translation>导出采购订单(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;New tool...</source>
        <translation>新增工具设备(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;New car PDI...</source>
        <translation>新车 PDI(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Find a PDI sheet</source>
        <translation>查找 PDI 单(&amp;F)</translation>
    </message>
    <message>
        <source>Item &amp;OK</source>
        <translation>项目合格(&amp;O)</translation>
    </message>
    <message>
        <source>Item &amp;failed</source>
        <translation>项目不合格(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;All unchecked OK</source>
        <translation>未检项目全部合格(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save results</source>
        <translation>保存检查结果(&amp;S)</translation>
    </message>
    <message>
        <source>Si&amp;gn the sheet</source>
        <translation>签字确认(&amp;G)</translation>
    </message>
    <message>
        <source>Failure fi&amp;xed...</source>
        <translation>不合格项已整改(&amp;X)...</translation>
    </message>
    <message>
        <source>&amp;Hand over to the buyer...</source>
        <translation>交车给客户(&amp;H)...</translation>
    </message>
    <message>
        <source>&amp;Print the PDI sheet...</source>
        <translation>打印 PDI 检查单(&amp;P)...</translation>
    </message>
    <message>
        <source>{action}: your role does not allow this.</source>
        <translation>{action}：您的角色无权执行此操作。</translation>
    </message>
</context>
<context>
    <name>AddedWorkDialog</name>
    <message>
        <source>Propose added work: {number} {plate}</source>
        <translation>提报增项：{number} {plate}</translation>
    </message>
    <message>
        <source>e.g. 0.5</source>
        <translation>例如 0.5</translation>
    </message>
    <message>
        <source>Part codes, e.g. 58101-D3A00 x2, 26300-35505</source>
        <translation>配件编号，例如 58101-D3A00 x2, 26300-35505</translation>
    </message>
    <message>
        <source>Add &amp;photos...</source>
        <translation>添加照片(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Remove photo</source>
        <translation>移除照片(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;What was found</source>
        <translation>发现的问题(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Trade</source>
        <translation>工种(&amp;T)</translation>
    </message>
    <message>
        <source>Estimated &amp;hours</source>
        <translation>预计工时(&amp;H)</translation>
    </message>
    <message>
        <source>P&amp;arts needed</source>
        <translation>所需配件(&amp;A)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Photos of the added work</source>
        <translation>增项照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Added work proposed: the car waits for the customer&apos;s approval.</source>
        <translation>增项已提报：车辆等待客户确认。</translation>
    </message>
</context>
<context>
    <name>AddedWorkQueue</name>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Found in the workshop</source>
        <translation>车间发现的项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>To agree</source>
        <translation>待确认金额</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>提出于</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) to price</source>
        <translation>
            <numerusform>%n 项待报价</numerusform>
        </translation>
    </message>
    <message>
        <source>ask the customer</source>
        <translation>待询问客户</translation>
    </message>
    <message>
        <source>{number}: the customer agreed on the phone.</source>
        <translation>{number}：客户已电话同意。</translation>
    </message>
    <message>
        <source>Ctrl+P prices the found work as the catalogue has it. Call the customer: Ctrl+Enter when they agree, Ctrl+Shift+Enter when they decline (and why). Enter opens the order to change a price.</source>
        <translation>Ctrl+P 按目录为增项报价。致电客户：同意按 Ctrl+Enter，不同意按 Ctrl+Shift+Enter（并记录原因）。回车打开工单修改价格。</translation>
    </message>
    <message>
        <source>Added work from the workshop</source>
        <translation>车间增项</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Invoice header</source>
        <translation>发票抬头</translation>
    </message>
    <message>
        <source>Taxpayer ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n bay(s) in use, %2 h a day; takes %3</source>
        <translation>
            <numerusform>%1：在用工位 %n 个，每天 %2 小时；承接%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <source>Price classes and labour rates</source>
        <translation>工时价类与工时单价</translation>
    </message>
    <message>
        <source>Labour operations</source>
        <translation>维修项目(标准工时)</translation>
    </message>
    <message>
        <source>Maintenance packages</source>
        <translation>保养套餐</translation>
    </message>
    <message>
        <source>Membership tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Discount limits and store rules</source>
        <translation>折扣权限与门店规则</translation>
    </message>
    <message>
        <source>The store</source>
        <translation>门店信息</translation>
    </message>
    <message>
        <source>Bays and trades</source>
        <translation>工位与工种</translation>
    </message>
    <message>
        <source>PDI checklist</source>
        <translation>PDI检查表</translation>
    </message>
    <message>
        <source>Data housekeeping</source>
        <translation>数据清理</translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation>新建(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Edit... (Enter)</source>
        <translation>编辑(&amp;E)...（回车）</translation>
    </message>
    <message>
        <source>&amp;Items... (Ctrl+I)</source>
        <translation>套餐项目(&amp;I)...（Ctrl+I）</translation>
    </message>
    <message>
        <source>&amp;Disable / enable</source>
        <translation>停用/启用(&amp;D)</translation>
    </message>
    <message>
        <source>Reset &amp;password...</source>
        <translation>重置密码(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Hourly rate (¥)</source>
        <translation>工时单价(元)</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Standard hours</source>
        <translation>标准工时</translation>
    </message>
    <message>
        <source>Price class</source>
        <translation>工时价类</translation>
    </message>
    <message>
        <source>Interval (km)</source>
        <translation>间隔里程(公里)</translation>
    </message>
    <message>
        <source>Interval (months)</source>
        <translation>间隔时间(月)</translation>
    </message>
    <message>
        <source>Price (¥)</source>
        <translation>套餐价(元)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Valid for (months)</source>
        <translation>有效期(月)</translation>
    </message>
    <message>
        <source>Fee (¥)</source>
        <translation>会费(元)</translation>
    </message>
    <message>
        <source>Points threshold</source>
        <translation>积分门槛</translation>
    </message>
    <message>
        <source>Labour discount (%)</source>
        <translation>工时折扣(%)</translation>
    </message>
    <message>
        <source>Parts discount (%)</source>
        <translation>材料折扣(%)</translation>
    </message>
    <message>
        <source>Kind of bay</source>
        <translation>工位类型</translation>
    </message>
    <message>
        <source>Hours a day</source>
        <translation>每天工时</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>机修</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>电工</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>钣金</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>喷漆</translation>
    </message>
    <message>
        <source>Discount limit of the %1 (%)</source>
        <translation>%1手工折扣上限(%)</translation>
    </message>
    <message>
        <source>Refunds above this need a manager (¥)</source>
        <translation>退款超过此金额需经理审批(元)</translation>
    </message>
    <message>
        <source>Hold parts after a no-show (hours)</source>
        <translation>爽约后保留配件(小时)</translation>
    </message>
    <message>
        <source>Hold parts after an estimate expires (hours)</source>
        <translation>估价单过期后保留配件(小时)</translation>
    </message>
    <message>
        <source>A technician&apos;s working day (hours)</source>
        <translation>技师每日出勤工时(小时)</translation>
    </message>
    <message>
        <source>A tool is overdue after (hours)</source>
        <translation>工具借出超过此时长即逾期(小时)</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Exterior</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Interior</source>
        <translation>内饰</translation>
    </message>
    <message>
        <source>Engine bay</source>
        <translation>发动机舱</translation>
    </message>
    <message>
        <source>Chassis</source>
        <translation>底盘</translation>
    </message>
    <message>
        <source>Road test</source>
        <translation>路试</translation>
    </message>
</context>
<context>
    <name>AppointmentBook</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Requested work</source>
        <translation>预约项目</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>已提醒</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Booked (h)</source>
        <translation>已约（小时）</translation>
    </message>
    <message>
        <source>Capacity (h)</source>
        <translation>产能（小时）</translation>
    </message>
    <message>
        <source>Free (h)</source>
        <translation>空余（小时）</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>预约项目</translation>
    </message>
    <message>
        <source>Booked {booked} of {capacity} h — over by {over} h</source>
        <translation>已约 {booked} / {capacity} 小时，超出 {over} 小时</translation>
    </message>
    <message>
        <source>Booked {booked} of {capacity} h, {free} h free</source>
        <translation>已约 {booked} / {capacity} 小时，空余 {free} 小时</translation>
    </message>
    <message>
        <source>{trade} bays {booked} of {capacity} h</source>
        <translation>{trade}工位 {booked} / {capacity} 小时</translation>
    </message>
    <message>
        <source>Week {first} – {last}</source>
        <translation>{first} 至 {last} 一周</translation>
    </message>
    <message>
        <source> (today)</source>
        <translation>（今天）</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Appointment {number} recorded as a no-show.</source>
        <translation>预约 {number} 已记为未到店。</translation>
    </message>
    <message>
        <source>Tomorrow&apos;s reminder calls</source>
        <translation>明日预约提醒</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Customer approves the estimate</source>
        <translation>客户确认估价单</translation>
    </message>
    <message>
        <source>C&amp;lear the signature</source>
        <translation>清除签名(&amp;L)</translation>
    </message>
    <message>
        <source>Approved &amp;by</source>
        <translation>确认人(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>确认方式(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lines (untick what is declined)</source>
        <translation>项目（取消勾选客户不做的）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Why declined</source>
        <translation>拒绝原因(&amp;W)</translation>
    </message>
    <message>
        <source>Customer signs here</source>
        <translation>客户在此签名</translation>
    </message>
    <message>
        <source>Approved; declined work is kept for the next visit.</source>
        <translation>已确认；客户不做的项目留待下次到店提醒。</translation>
    </message>
    <message>
        <source>Approved: the order goes to the workshop.</source>
        <translation>已确认：工单转车间。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Hand over complaint {number}</source>
        <translation>转交投诉 {number}</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message>
        <source>Complaint {number} handed to {owner}.</source>
        <translation>投诉 {number} 已转交给 {owner}。</translation>
    </message>
</context>
<context>
    <name>BayModel</name>
    <message>
        <source>● {plate} in repair</source>
        <translation>● {plate} 在修</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个排队</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop a job here to move it to {bay}.</source>
        <translation>把作业拖到这里，改派到{bay}。</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>This job has left the board meanwhile.</source>
        <translation>此作业已不在看板上。</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>{team} · {hours} h planned</source>
        <translation>{team} · 已排 {hours} 小时</translation>
    </message>
    <message>
        <source>&amp;Bay</source>
        <translation>工位(&amp;B)</translation>
    </message>
    <message>
        <source>promise missed</source>
        <translation>已超承诺时间</translation>
    </message>
    <message>
        <source>within 1 h of the promise, or over the billed hours</source>
        <translation>距承诺不足 1 小时，或已超工时</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Drag a card to a lane or a bay, or Ctrl+M and the lane&apos;s number (B: a bay).</source>
        <translation>把卡片拖到某一列或某个工位，或按 Ctrl+M 再按列号（B：工位）。</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book appointment: {plate}</source>
        <translation>预约：{plate}</translation>
    </message>
    <message>
        <source>(no package)</source>
        <translation>（不选套餐）</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>no such part</source>
        <translation>无此配件</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用库存</translation>
    </message>
    <message>
        <source>&amp;Package</source>
        <translation>保养套餐(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>预约项目(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Trade</source>
        <translation>工种(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>日期时间(&amp;D)</translation>
    </message>
    <message>
        <source>Planned h&amp;ours</source>
        <translation>预计工时(&amp;O)</translation>
    </message>
    <message>
        <source>Expected pa&amp;rts (code, Enter)</source>
        <translation>预订配件(&amp;R)（编号，回车）</translation>
    </message>
    <message>
        <source>&amp;Estimate (¥)</source>
        <translation>预估金额(&amp;E)（元）</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>预约渠道(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>Contact pho&amp;ne</source>
        <translation>联系电话(&amp;N)</translation>
    </message>
    <message>
        <source>that day: {booked} of {capacity} h booked</source>
        <translation>当天已约 {booked} / {capacity} 小时</translation>
    </message>
    <message>
        <source>; {trade} bays {booked} of {capacity} h</source>
        <translation>；{trade}工位 {booked} / {capacity} 小时</translation>
    </message>
    <message>
        <source>Appointment {number} booked for {when}.</source>
        <translation>预约 {number} 已登记：{when}。</translation>
    </message>
    <message>
        <source>The day is over-booked: {booked} of {capacity} h.</source>
        <translation>当天已超约：{booked} / {capacity} 小时。</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Call: {name}</source>
        <translation>通话：{name}</translation>
    </message>
    <message>
        <source>Will call back to book</source>
        <translation>客户稍后回电预约</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>客户暂无需要</translation>
    </message>
    <message>
        <source>Serviced elsewhere</source>
        <translation>已在别处保养</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>关机</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>接通情况(&amp;O)</translation>
    </message>
    <message>
        <source>What the customer &amp;said</source>
        <translation>客户反馈(&amp;S)</translation>
    </message>
    <message>
        <source>Call to {name} recorded.</source>
        <translation>已记录与 {name} 的通话。</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Due km</source>
        <translation>到期里程</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>上次通话</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载...</translation>
    </message>
    <message>
        <source>{n}{more} to call</source>
        <translation>待联系 {n}{more} 位</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>名单(&amp;L)</translation>
    </message>
    <message>
        <source>within &amp;days</source>
        <translation>天数(&amp;D)</translation>
    </message>
    <message>
        <source>or &amp;km</source>
        <translation>或里程(&amp;K)</translation>
    </message>
    <message>
        <source> d</source>
        <translation> 天</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel appointment {number}</source>
        <translation>取消预约 {number}</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Appointment {number} cancelled.</source>
        <translation>预约 {number} 已取消。</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <source>Cancel purchase order {number}</source>
        <translation>取消采购订单 {number}</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Purchase order {number} cancelled; what it was to bring is proposed again.</source>
        <translation>采购订单 {number} 已取消，未到的配件重新列入采购建议。</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>{m} min</source>
        <translation>{m} 分</translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation>{h} 时 {m:02d} 分</translation>
    </message>
    <message>
        <source>{d} d</source>
        <translation>{d} 天</translation>
    </message>
    <message>
        <source>Due {time}</source>
        <translation>承诺 {time}</translation>
    </message>
    <message>
        <source>No promise time</source>
        <translation>无承诺时间</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未派工</translation>
    </message>
    <message>
        <source>Parts waiting</source>
        <translation>待料</translation>
    </message>
    <message>
        <source>Parts issued</source>
        <translation>已领料</translation>
    </message>
    <message>
        <source>Awaiting customer</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <source>{planned} h plan · {used} used</source>
        <translation>计划 {planned} 时 · 已用 {used} 时</translation>
    </message>
    <message>
        <source>{promise} · {dwell} here</source>
        <translation>{promise} · 停留 {dwell}</translation>
    </message>
</context>
<context>
    <name>CareWords</name>
    <message>
        <source>Maintenance due</source>
        <translation>保养到期</translation>
    </message>
    <message>
        <source>Insurance renewal</source>
        <translation>保险续保</translation>
    </message>
    <message>
        <source>Membership expiry</source>
        <translation>会员到期</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>客户生日</translation>
    </message>
    <message>
        <source>Declined work</source>
        <translation>未做项目</translation>
    </message>
    <message>
        <source>Campaigns and recalls</source>
        <translation>服务活动与召回</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>App message</source>
        <translation>App 消息</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>厂家转办</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved, to close</source>
        <translation>已处理，待结案</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Repair quality</source>
        <translation>维修质量</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时交车</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>To call</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 天</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
</context>
<context>
    <name>Cashier</name>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer pays</source>
        <translation>客户应付</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值卡</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>欠收</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>挂账</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Management fee</source>
        <translation>管理费</translation>
    </message>
    <message>
        <source>Auxiliary materials</source>
        <translation>辅料费</translation>
    </message>
    <message>
        <source>Subcontract</source>
        <translation>包工费</translation>
    </message>
    <message>
        <source>Rescue / towing</source>
        <translation>施救费</translation>
    </message>
    <message>
        <source>Other fees</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Hours / qty</source>
        <translation>工时 / 数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付费方</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Manager</source>
        <translation>经理(&amp;M)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
</context>
<context>
    <name>CashierDesk</name>
    <message>
        <source>Cashier</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>{order}: {paid} received, invoice {invoice}, {outstanding} outstanding.</source>
        <translation>{order}：已收 {paid}，发票号 {invoice}，欠收 {outstanding}。</translation>
    </message>
    <message>
        <source>Gate pass {number}.</source>
        <translation>出门证 {number}。</translation>
    </message>
    <message>
        <source>Export the day-end report</source>
        <translation>导出日结报表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>ChangeLineDialog</name>
    <message>
        <source>Change line: {name}</source>
        <translation>修改项目：{name}</translation>
    </message>
    <message>
        <source>&amp;Payer</source>
        <translation>付费方(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Discount %</source>
        <translation>折扣 %(&amp;D)</translation>
    </message>
    <message>
        <source>Billed &amp;hours</source>
        <translation>结算工时(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Manager (above your limit)</source>
        <translation>经理（超出您的权限时）</translation>
    </message>
    <message>
        <source>Manager&apos;s pass&amp;word</source>
        <translation>经理密码(&amp;W)</translation>
    </message>
    <message>
        <source>Line changed.</source>
        <translation>项目已修改。</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <source>Check-in</source>
        <translation>接车</translation>
    </message>
    <message>
        <source>last {km}</source>
        <translation>上次 {km}</translation>
    </message>
    <message>
        <source>{hours} h · {price}</source>
        <translation>{hours} 小时 · {price}</translation>
    </message>
    <message>
        <source>appointment {number}</source>
        <translation>预约 {number}</translation>
    </message>
    <message>
        <source>Check-in: {plate} · {model} · {customer}{appointment}</source>
        <translation>接车：{plate} · {model} · {customer}{appointment}</translation>
    </message>
    <message>
        <source>(no plate)</source>
        <translation>（未上牌）</translation>
    </message>
    <message>
        <source>proposed from {hours} h of work and the shop&apos;s load</source>
        <translation>按 {hours} 小时工时及车间负荷建议</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>手动设定</translation>
    </message>
    <message>
        <source>Complaint in the customer&apos;s words</source>
        <translation>客户描述（原话）</translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>Fuel level</source>
        <translation>油量</translation>
    </message>
    <message>
        <source>Walk-around (marks, or no damage)</source>
        <translation>环车检查（标记损伤或确认无损伤）</translation>
    </message>
    <message>
        <source>Valuables asked</source>
        <translation>已询问贵重物品</translation>
    </message>
    <message>
        <source>Promise time</source>
        <translation>承诺交车时间</translation>
    </message>
    <message>
        <source>Insurer and report no.</source>
        <translation>保险公司及报案号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Dashcam</source>
        <translation>行车记录仪</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>行驶证</translation>
    </message>
    <message>
        <source>Service book</source>
        <translation>保养手册</translation>
    </message>
    <message>
        <source>Spare key</source>
        <translation>备用钥匙</translation>
    </message>
    <message>
        <source>Insurance policy</source>
        <translation>保单</translation>
    </message>
    <message>
        <source>&amp;Complaint</source>
        <translation>客户描述(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delivered by / phone</source>
        <translation>送修人 / 电话(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Mileage</source>
        <translation>里程(&amp;M)</translation>
    </message>
    <message>
        <source>Odometer &amp;note</source>
        <translation>里程表说明(&amp;N)</translation>
    </message>
    <message>
        <source>Fuel (Alt+0-8)</source>
        <translation>油量（Alt+0-8）</translation>
    </message>
    <message>
        <source>&amp;Business type</source>
        <translation>业务类型(&amp;B)</translation>
    </message>
    <message>
        <source>Insurer / report / assessed</source>
        <translation>保险公司 / 报案号 / 定损金额</translation>
    </message>
    <message>
        <source>Standard job</source>
        <translation>标准项目</translation>
    </message>
    <message>
        <source>&amp;Promised</source>
        <translation>承诺交车(&amp;P)</translation>
    </message>
    <message>
        <source>In the customer&apos;s words</source>
        <translation>按客户原话填写</translation>
    </message>
    <message>
        <source>Only when the reading is below the last one: why</source>
        <translation>仅当读数低于上次时填写原因</translation>
    </message>
    <message>
        <source>Person delivering the car</source>
        <translation>送修人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>Report no.</source>
        <translation>报案号</translation>
    </message>
    <message>
        <source>Assessed amount</source>
        <translation>定损金额</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Valuables</source>
        <translation>贵重物品</translation>
    </message>
    <message>
        <source>Documents kept</source>
        <translation>随车证件</translation>
    </message>
    <message>
        <source>Walk-around: choose the damage, click where it is</source>
        <translation>环车检查：选择损伤类型，单击损伤位置</translation>
    </message>
    <message>
        <source>No damage found</source>
        <translation>无外观损伤</translation>
    </message>
    <message>
        <source>Kept in the car / at the desk</source>
        <translation>车内物品 / 前台代管</translation>
    </message>
    <message>
        <source>Save and print for signature (F9)</source>
        <translation>保存并打印签字 (F9)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>CheckInPhotos</name>
    <message>
        <source>Photos of the car</source>
        <translation>车辆照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Photos (Del removes the selected one)</source>
        <translation>照片（Del 删除选中的照片）</translation>
    </message>
    <message>
        <source>&amp;Add photos...</source>
        <translation>添加照片(&amp;A)...</translation>
    </message>
</context>
<context>
    <name>CheckInSide</name>
    <message>
        <source>{day} {km} · {type}: {complaint}</source>
        <translation>{day} {km} · {type}：{complaint}</translation>
    </message>
    <message>
        <source>Declined {day}: {what} {amount}</source>
        <translation>{day} 未做：{what} {amount}</translation>
    </message>
    <message>
        <source>First visit: no history, nothing declined, no campaign.</source>
        <translation>首次到店：无维修记录、无未做项目、无活动。</translation>
    </message>
    <message>
        <source>Complete: F9 saves and prints the sheet</source>
        <translation>已齐全：按 F9 保存并打印接车单</translation>
    </message>
    <message>
        <source>History, declined work, campaigns</source>
        <translation>维修记录、未做项目、活动</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>尚缺</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Check out {code} {name}</source>
        <translation>借出 {code} {name}</translation>
    </message>
    <message>
        <source>Empty: not for one car</source>
        <translation>留空：不针对某辆车</translation>
    </message>
    <message>
        <source>For &amp;work order</source>
        <translation>用于工单(&amp;W)</translation>
    </message>
    <message>
        <source>{code} is checked out to you.</source>
        <translation>{code} 已借给您。</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Closing call: {number}</source>
        <translation>结案回访：{number}</translation>
    </message>
    <message>
        <source>The customer accepts the resolution</source>
        <translation>客户接受处理结果</translation>
    </message>
    <message>
        <source>What the customer &amp;said</source>
        <translation>客户反馈(&amp;S)</translation>
    </message>
    <message>
        <source>Complaint {number} closed.</source>
        <translation>投诉 {number} 已结案。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
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
    <message>
        <source>Open order</source>
        <translation>在修工单</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Press F9 to save anyway.</source>
        <translation>按 F9 仍然保存。</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载...</translation>
    </message>
    <message>
        <source>{n}{more} complaints, {overdue} overdue</source>
        <translation>投诉 {n}{more} 件，逾期 {overdue} 件</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>Vehicle / order</source>
        <translation>车辆 / 工单</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>level {n}</source>
        <translation>第 {n} 级</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Prevention note</source>
        <translation>预防措施</translation>
    </message>
    <message>
        <source>Closing call</source>
        <translation>结案回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Open and to close</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CounterDialogs</name>
    <message>
        <source>Part:</source>
        <translation>配件：</translation>
    </message>
</context>
<context>
    <name>CreditDialog</name>
    <message>
        <source>Credit: let the car go with {amount} outstanding</source>
        <translation>挂账：欠收 {amount} 放行车辆</translation>
    </message>
    <message>
        <source>Credit approved; gate pass {number} printed.</source>
        <translation>挂账已批准；已打印出门证 {number}。</translation>
    </message>
</context>
<context>
    <name>CustomerCardView</name>
    <message>
        <source>Loading...</source>
        <translation>正在加载...</translation>
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
    <name>CustomerCare</name>
    <message>
        <source>Customer care</source>
        <translation>客服回访</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue complaint(s) escalated.</source>
        <translation>
            <numerusform>已升级 %n 件逾期投诉。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder calls</source>
        <translation>提醒回访</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Name or company</source>
        <translation>姓名或单位名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
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
        <source>&amp;Home phone</source>
        <translation>家庭电话(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Office phone</source>
        <translation>单位电话(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>Post&amp;code</source>
        <translation>邮编(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>工作单位(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>职务(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;ID / organisation no.</source>
        <translation>身份证号 / 组织机构代码(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>E-ma&amp;il</source>
        <translation>电子邮箱(&amp;I)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer {code} saved.</source>
        <translation>客户 {code} 已保存。</translation>
    </message>
</context>
<context>
    <name>DamageDialog</name>
    <message>
        <source>Return damaged: {code} {name}</source>
        <translation>损坏归还：{code} {name}</translation>
    </message>
    <message>
        <source>&amp;What is damaged</source>
        <translation>损坏情况(&amp;W)</translation>
    </message>
    <message>
        <source>{code} returned and set aside as damaged.</source>
        <translation>{code} 已归还，已标记为损坏待修。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Computing...</source>
        <translation>正在计算...</translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation>本期间无数据</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Output per advisor (revenue)</source>
        <translation>服务顾问产值(营业收入)</translation>
    </message>
    <message>
        <source>Technician efficiency</source>
        <translation>技师效率</translation>
    </message>
    <message>
        <source>Technician utilisation</source>
        <translation>技师工时利用率</translation>
    </message>
    <message>
        <source>Revenue by business type</source>
        <translation>按业务类型的营业收入</translation>
    </message>
    <message>
        <source>Revenue by day</source>
        <translation>每日营业收入</translation>
    </message>
    <message>
        <source>Satisfaction (CSI) from follow-ups</source>
        <translation>回访满意度(CSI)分布</translation>
    </message>
    <message>
        <source>target at least %1</source>
        <translation>目标 ≥ %1</translation>
    </message>
    <message numerus="yes">
        <source>%n settled order(s)</source>
        <translation>
            <numerusform>结算 %n 单</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 inspected orders</source>
        <translation>质检 %2 单中返工 %1 单</translation>
    </message>
    <message>
        <source>%1 of %2 orders</source>
        <translation>%2 单中预约 %1 单</translation>
    </message>
    <message numerus="yes">
        <source>average of %n score(s), 1 to 5</source>
        <translation>
            <numerusform>%n 个评分的平均值(1–5分)</numerusform>
        </translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近30天</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>统计期间(&amp;P)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Show (F5)</source>
        <translation>查看(F5)</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>On-time completion</source>
        <translation>按时完工率</translation>
    </message>
    <message>
        <source>Same-day delivery</source>
        <translation>当日交车率</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>工时效率</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>工时利用率</translation>
    </message>
    <message>
        <source>Parts fill rate</source>
        <translation>配件一次满足率</translation>
    </message>
    <message>
        <source>Rework rate</source>
        <translation>返工率</translation>
    </message>
    <message>
        <source>Appointment rate</source>
        <translation>预约率</translation>
    </message>
    <message>
        <source>CSI (satisfaction)</source>
        <translation>客户满意度(CSI)</translation>
    </message>
</context>
<context>
    <name>DayEndPage</name>
    <message>
        <source>{amount} on {count} order(s)</source>
        <translation>{amount}，共 {count} 单</translation>
    </message>
    <message>
        <source>{issued} issued, {voided} voided</source>
        <translation>开具 {issued} 张，作废 {voided} 张</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Print... (Ctrl+P)</source>
        <translation>打印... (Ctrl+P)</translation>
    </message>
    <message>
        <source>Export to Excel... (Ctrl+S)</source>
        <translation>导出 Excel... (Ctrl+S)</translation>
    </message>
    <message>
        <source>Per cashier and payment method</source>
        <translation>按收银员和付款方式</translation>
    </message>
    <message>
        <source>Invoices issued and voided</source>
        <translation>开具和作废的发票</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>实收合计</translation>
    </message>
    <message>
        <source>Net per method</source>
        <translation>各付款方式实收</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>红字冲销</translation>
    </message>
    <message>
        <source>Outstanding now</source>
        <translation>当前欠收</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <source>{number}: the customer declines the added work</source>
        <translation>{number}：客户不同意增项</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>增项内容</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>{number}: declined; kept as a recommendation for the car.</source>
        <translation>{number}：客户不同意，已记为该车的建议项目。</translation>
    </message>
</context>
<context>
    <name>DeliverDialog</name>
    <message>
        <source>Deliver the car: {number}</source>
        <translation>交车：{number}</translation>
    </message>
    <message>
        <source>Keys handed back to the customer</source>
        <translation>钥匙已交还客户</translation>
    </message>
    <message>
        <source>Documents kept at the desk handed back</source>
        <translation>前台代管的证件已交还</translation>
    </message>
    <message numerus="yes">
        <source>after %n hour(s)</source>
        <translation>
            <numerusform>%n 小时后</numerusform>
        </translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>&amp;Follow-up call</source>
        <translation>回访(&amp;F)</translation>
    </message>
    <message>
        <source>Delivered; the follow-up call is due {due}.</source>
        <translation>已交车；回访时间 {due}。</translation>
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
    <name>EstimateDialogs</name>
    <message>
        <source>Management fee</source>
        <translation>管理费</translation>
    </message>
    <message>
        <source>Auxiliary material</source>
        <translation>辅料费</translation>
    </message>
    <message>
        <source>Subcontract</source>
        <translation>外协费</translation>
    </message>
    <message>
        <source>Rescue / towing</source>
        <translation>救援 / 拖车费</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>(choose why)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <source>In the customer&apos;s words</source>
        <translation>按客户原话填写</translation>
    </message>
</context>
<context>
    <name>EstimateEditor</name>
    <message>
        <source>proposed</source>
        <translation>待报价</translation>
    </message>
    <message>
        <source>priced</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>未做</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>可用库存</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Hours / qty</source>
        <translation>工时 / 数量</translation>
    </message>
    <message>
        <source>Rate / price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>优惠后金额</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付费方</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>added work</source>
        <translation>增项</translation>
    </message>
    <message>
        <source>{name} · {when}</source>
        <translation>{name} · {when}</translation>
    </message>
    <message>
        <source>{number} · {plate} · {customer}</source>
        <translation>{number} · {plate} · {customer}</translation>
    </message>
    <message>
        <source>(no plate)</source>
        <translation>（未上牌）</translation>
    </message>
    <message>
        <source>{tier} member</source>
        <translation>{tier}会员</translation>
    </message>
    <message>
        <source>not a member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>{state} · {type} · {vehicle} · {km} · {member} · promised {promised}&lt;br&gt;Complaint: {complaint}</source>
        <translation>{state} · {type} · {vehicle} · {km} · {member} · 承诺交车 {promised}&lt;br&gt;客户描述：{complaint}</translation>
    </message>
    <message>
        <source>Nothing in the catalogue matches {text}.</source>
        <translation>目录中没有与“{text}”匹配的项目。</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Package, job or part: code, name, pinyin initials or barcode; Enter adds</source>
        <translation>套餐、作业或配件：编码、名称、拼音首字母或条码；回车添加</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>by business type</source>
        <translation>按业务类型</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Check-in photos</source>
        <translation>接车照片</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时费</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>材料费</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>{payer} pays</source>
        <translation>{payer}承担</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>Exchange a part</source>
        <translation>换料</translation>
    </message>
    <message>
        <source>&amp;New part (scan):</source>
        <translation>新配件（扫码）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Taken by:</source>
        <translation>领料人(&amp;T)：</translation>
    </message>
    <message>
        <source>Exchanged: {part} back, the new part issued.</source>
        <translation>已换料：{part} 退回，新配件已发出。</translation>
    </message>
</context>
<context>
    <name>FailDialog</name>
    <message>
        <source>Fail {plate}: back to rework</source>
        <translation>{plate} 不合格：返工</translation>
    </message>
    <message>
        <source>Every job goes back</source>
        <translation>全部作业返工</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Rework &amp;owner</source>
        <translation>返工责任人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Jobs to redo</source>
        <translation>返工作业(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Penalty (¥)</source>
        <translation>罚款(&amp;P)（元）</translation>
    </message>
    <message>
        <source>{plate} failed: back to rework.</source>
        <translation>{plate} 不合格，已返工。</translation>
    </message>
</context>
<context>
    <name>FeeDialog</name>
    <message>
        <source>Add a fee</source>
        <translation>添加费用</translation>
    </message>
    <message>
        <source>by business type</source>
        <translation>按业务类型</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Payer</source>
        <translation>付费方(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>New database</source>
        <translation>新数据库</translation>
    </message>
    <message>
        <source>This database is empty. Create the store and its first manager; the manager then adds the staff.</source>
        <translation>此数据库为空。请创建门店及其第一位经理，之后由经理添加员工。</translation>
    </message>
    <message>
        <source>Store code</source>
        <translation>门店代码</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation>经理用户名</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>经理姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
</context>
<context>
    <name>FixDialog</name>
    <message>
        <source>Fixed: {item}</source>
        <translation>整改：{item}</translation>
    </message>
    <message>
        <source>&amp;What was done</source>
        <translation>整改措施(&amp;W)</translation>
    </message>
    <message>
        <source>{item} is fixed.</source>
        <translation>{item} 已整改。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up: {number}</source>
        <translation>回访：{number}</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>关机</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>接通情况(&amp;O)</translation>
    </message>
    <message>
        <source>Scores 1-5</source>
        <translation>评分 1-5</translation>
    </message>
    <message>
        <source>&amp;Issue raised</source>
        <translation>客户提出的问题(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <source>Follow-up {number} recorded; a complaint was opened for the advisor (see Complaints).</source>
        <translation>回访 {number} 已记录；已为服务顾问立案投诉（见“投诉”）。</translation>
    </message>
    <message>
        <source>{name} not reached {n} times: escalated.</source>
        <translation>{name} 已 {n} 次未接通：已升级。</translation>
    </message>
    <message>
        <source>Follow-up {number} recorded.</source>
        <translation>回访 {number} 已记录。</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>回访时点</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载...</translation>
    </message>
    <message>
        <source>{n}{more} calls</source>
        <translation>共 {n}{more} 个</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>in the next 3 days</source>
        <translation>3 天内到期</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>到期(&amp;D)</translation>
    </message>
    <message>
        <source>Calls after delivery: within 24 h or 3 days</source>
        <translation>交车后回访：24 小时或 3 天内</translation>
    </message>
</context>
<context>
    <name>FrontDesk</name>
    <message>
        <source>Front desk</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <source>Work order opened: it is listed under the open work orders.</source>
        <translation>工单已开立，见“在修工单”。</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over {vin}</source>
        <translation>交车 {vin}</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机(&amp;M)</translation>
    </message>
    <message>
        <source>Customer &amp;code</source>
        <translation>客户编号(&amp;C)</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Customer on file</source>
        <translation>已有客户</translation>
    </message>
    <message>
        <source>Empty before registration</source>
        <translation>未上牌留空</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>购车客户</translation>
    </message>
    <message>
        <source>&amp;Plate</source>
        <translation>车牌号(&amp;P)</translation>
    </message>
    <message>
        <source>Selling &amp;dealer</source>
        <translation>销售单位(&amp;D)</translation>
    </message>
    <message>
        <source>Handed over: the customer&apos;s vehicle file and maintenance plan are created.</source>
        <translation>已交车：客户的车辆档案和保养计划已建立。</translation>
    </message>
</context>
<context>
    <name>HousekeepingPage</name>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Booked for / received</source>
        <translation>预约时间／接车时间</translation>
    </message>
    <message>
        <source>No-show: parts released</source>
        <translation>预约爽约：已释放配件</translation>
    </message>
    <message>
        <source>Estimate expired: parts released</source>
        <translation>估价单过期：已释放配件</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message numerus="yes">
        <source>%n no-show(s)</source>
        <translation>
            <numerusform>爽约 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired estimate(s)</source>
        <translation>
            <numerusform>过期估价单 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>released; %n change-log row(s) pruned.</source>
        <translation>
            <numerusform>已释放；清理变更记录 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change...</source>
        <translation>修改...</translation>
    </message>
    <message>
        <source>&amp;Run housekeeping now (F9)</source>
        <translation>立即清理(&amp;R)（F9）</translation>
    </message>
</context>
<context>
    <name>LateDialog</name>
    <message>
        <source>Pass {plate}</source>
        <translation>{plate} 合格</translation>
    </message>
    <message>
        <source>Promised {time}: why is it late?</source>
        <translation>承诺 {time}：为何延误？</translation>
    </message>
    <message>
        <source>&amp;Delay reason</source>
        <translation>延误原因(&amp;D)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>正在登录...</translation>
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
    <name>Lounge</name>
    <message>
        <source>Received, waiting</source>
        <translation>已接车，等待维修</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Quality check</source>
        <translation>质检中</translation>
    </message>
    <message>
        <source>Washing</source>
        <translation>洗车中</translation>
    </message>
    <message>
        <source>Ready for pick-up</source>
        <translation>可以提车</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>预计完工</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} / {pages} 页</translation>
    </message>
    <message>
        <source>Lounge board</source>
        <translation>休息室看板</translation>
    </message>
    <message>
        <source>{store}: your car&apos;s progress</source>
        <translation>{store}：车辆维修进度</translation>
    </message>
    <message>
        <source>Your car&apos;s progress</source>
        <translation>车辆维修进度</translation>
    </message>
</context>
<context>
    <name>LoungeBoard</name>
    <message numerus="yes">
        <source>%n car(s) in the workshop</source>
        <translation>
            <numerusform>车间共 %n 辆车</numerusform>
        </translation>
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
        <source>Your roles have no workspace in this window yet. Their work runs through the command line (see the README).</source>
        <translation>您的角色在本窗口中暂无工作台，相关工作请通过命令行完成（见 README）。</translation>
    </message>
    <message>
        <source>About DMS</source>
        <translation>关于 DMS</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DMS {version}&lt;/h3&gt;&lt;p&gt;After-sales management for 4S dealerships.&lt;/p&gt;&lt;p&gt;In this window: {workspaces}; settings.&lt;/p&gt;&lt;p&gt;Documents, exports, the KPI report and imports: the &lt;code&gt;dms&lt;/code&gt; command line (&lt;code&gt;dms --help&lt;/code&gt;).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DMS {version}&lt;/h3&gt;&lt;p&gt;4S 店售后服务管理系统。&lt;/p&gt;&lt;p&gt;本窗口可用：{workspaces}；设置。&lt;/p&gt;&lt;p&gt;单据打印、数据导出、KPI 报表和数据导入：使用 &lt;code&gt;dms&lt;/code&gt; 命令行（&lt;code&gt;dms --help&lt;/code&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>DMS — {store} — {user}</source>
        <translation>DMS — {store} — {user}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
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
</context>
<context>
    <name>MaintenanceDialog</name>
    <message>
        <source>Maintenance: {code} {name}</source>
        <translation>保养维修：{code} {name}</translation>
    </message>
    <message>
        <source>&amp;Back in service (on the shelf)</source>
        <translation>恢复使用（放回工具架）(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;What was done</source>
        <translation>保养维修内容(&amp;W)</translation>
    </message>
    <message>
        <source>Maintenance of {code} recorded.</source>
        <translation>{code} 的保养维修记录已保存。</translation>
    </message>
</context>
<context>
    <name>Manager</name>
    <message>
        <source>Manager</source>
        <translation>服务经理</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>经营看板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reports and exports</source>
        <translation>报表与导出(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>系统管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Standard times</source>
        <translation>标准工时学习(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{path} already exists; choose a new file name.</source>
        <translation>{path} 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>pg_dump was not found. Install the PostgreSQL client tools (Debian: postgresql-client, Windows: the PostgreSQL installer&apos;s command line tools) and make sure pg_dump is on PATH.</source>
        <translation>找不到 pg_dump。请安装 PostgreSQL 客户端工具（Debian：postgresql-client；Windows：PostgreSQL 安装程序中的命令行工具），并确保 pg_dump 在 PATH 中。</translation>
    </message>
    <message>
        <source>pg_dump failed: {error}</source>
        <translation>pg_dump 运行失败：{error}</translation>
    </message>
    <message>
        <source>Only SQLite databases in a plain file can be backed up.</source>
        <translation>只能备份存放在普通文件中的 SQLite 数据库。</translation>
    </message>
    <message>
        <source>Verifying a PostgreSQL dump restores it into a temporary database: give a PostgreSQL database URL.</source>
        <translation>校验 PostgreSQL 备份需要将其恢复到临时数据库：请提供 PostgreSQL 数据库地址。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is not a DMS backup manifest.</source>
        <translation>{path} 不是 DMS 备份清单文件。</translation>
    </message>
    <message>
        <source>The database has newer data than the backup {file} ({reasons}). Restoring would lose it; use --force to restore anyway.</source>
        <translation>数据库中的数据比备份 {file} 更新（{reasons}），恢复会丢失这些数据；如仍要恢复，请使用 --force。</translation>
    </message>
    <message>
        <source>Backup file {path} does not exist.</source>
        <translation>备份文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is missing: the backup cannot be verified. Use --force to restore it anyway without verification.</source>
        <translation>缺少 {path}，无法校验备份。如仍要不经校验直接恢复，请使用 --force。</translation>
    </message>
    <message>
        <source>pg_restore was not found. Install the PostgreSQL client tools (Debian: postgresql-client, Windows: the PostgreSQL installer&apos;s command line tools) and make sure pg_restore is on PATH.</source>
        <translation>找不到 pg_restore。请安装 PostgreSQL 客户端工具（Debian：postgresql-client；Windows：PostgreSQL 安装程序中的命令行工具），并确保 pg_restore 在 PATH 中。</translation>
    </message>
    <message>
        <source>pg_restore failed (nothing was changed): {error}</source>
        <translation>pg_restore 运行失败（未做任何更改）：{error}</translation>
    </message>
    <message>
        <source>Restoring {file} failed: {error}</source>
        <translation>恢复 {file} 失败：{error}</translation>
    </message>
    <message>
        <source>Verification of {file} failed {when}: {problems}</source>
        <translation>校验 {file} 失败{when}：{problems}</translation>
    </message>
    <message>
        <source>Verification of {file} failed before restoring: the file&apos;s SHA-256 does not match its manifest (the backup or the manifest was changed or damaged).</source>
        <translation>恢复前校验 {file} 失败：文件的 SHA-256 与备份清单不符（备份文件或清单已被修改或损坏）。</translation>
    </message>
    <message>
        <source>{path} is a {backup} backup; it cannot be restored into a {backend} database.</source>
        <translation>{path} 是 {backup} 备份，不能恢复到 {backend} 数据库。</translation>
    </message>
    <message>
        <source>No usable Chinese TrueType font was found for printing (tried: {tried}). Install WenQuanYi Micro Hei (Debian/Ubuntu: apt-get install fonts-wqy-microhei), copy a TrueType (.ttf/.ttc) Chinese font into {project}, or set &quot;cjk_font&quot; in the settings file to the path of one (for example C:\Windows\Fonts\msyh.ttc).</source>
        <translation>找不到可用于打印的中文 TrueType 字体（已尝试：{tried}）。请安装文泉驿微米黑（Debian/Ubuntu：apt-get install fonts-wqy-microhei），或将一个 TrueType（.ttf/.ttc）中文字体复制到 {project}，或在设置文件中将 &quot;cjk_font&quot; 设为字体文件的路径（例如 C:\Windows\Fonts\msyh.ttc）。</translation>
    </message>
    <message>
        <source>The printing font {font} has no glyph for {chars}; the document was not printed. Change the text, or configure a font that has these characters (settings key &quot;cjk_font&quot;).</source>
        <translation>打印字体 {font} 中没有 {chars} 的字形，单据未打印。请修改文字，或配置一个包含这些字符的字体（设置项 &quot;cjk_font&quot;）。</translation>
    </message>
    <message>
        <source>Work order {key} has no estimate yet.</source>
        <translation>工单 {key} 还没有估价单。</translation>
    </message>
    <message>
        <source>Work order {key} has no gate pass yet.</source>
        <translation>工单 {key} 尚未开具出门证。</translation>
    </message>
    <message>
        <source>Name at least one part to print labels for.</source>
        <translation>请至少指定一个要打印标签的配件。</translation>
    </message>
    <message>
        <source>Unknown document {kind}; one of: {kinds}.</source>
        <translation>未知的单据类型：{kind}，可选：{kinds}。</translation>
    </message>
    <message>
        <source>Not a date: {value}</source>
        <translation>不是有效日期：{value}</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未生成文件。</translation>
    </message>
    <message>
        <source>Unknown export {name}; one of: {known}.</source>
        <translation>未知的导出项：{name}，可选：{known}。</translation>
    </message>
    <message>
        <source>More than {limit} rows for one sheet: choose a shorter period.</source>
        <translation>一个工作表超过 {limit} 行：请选择更短的期间。</translation>
    </message>
    <message>
        <source>Unknown import {kind}: use one of {kinds}.</source>
        <translation>未知的导入类型：{kind}，可选：{kinds}。</translation>
    </message>
    <message>
        <source>Cannot read {path} as an .xlsx workbook: {error}</source>
        <translation>无法将 {path} 作为 .xlsx 工作簿读取：{error}</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>统计期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A negative amount ({value}) cannot be written in capitals.</source>
        <translation>负数金额（{value}）不能转换为大写。</translation>
    </message>
    <message>
        <source>{value} is not an amount.</source>
        <translation>{value} 不是金额。</translation>
    </message>
    <message>
        <source>An amount in capitals needs an exact number, not {value}.</source>
        <translation>大写金额需要精确的数值，{value} 无效。</translation>
    </message>
    <message>
        <source>{value} is too large to write in capitals.</source>
        <translation>{value} 太大，无法转换为大写。</translation>
    </message>
    <message>
        <source>Bad page: offset {offset}, limit {limit}.</source>
        <translation>分页参数无效：偏移 {offset}，条数 {limit}。</translation>
    </message>
    <message>
        <source>Give the user at least one role of the list.</source>
        <translation>请为用户至少选择列表中的一个角色。</translation>
    </message>
    <message>
        <source>Enter a user name of 1 to {limit} characters.</source>
        <translation>请输入 1 至 {limit} 个字符的用户名。</translation>
    </message>
    <message>
        <source>A user name has no spaces or special characters.</source>
        <translation>用户名不能包含空格或特殊字符。</translation>
    </message>
    <message>
        <source>Enter the name shown, 1 to {limit} characters.</source>
        <translation>请输入显示名称，1 至 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The user name {username} is taken.</source>
        <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
        <source>You cannot take the manager role or the account away from yourself.</source>
        <translation>不能取消自己的经理角色或停用自己的账号。</translation>
    </message>
    <message>
        <source>Unknown list {kind}.</source>
        <translation>未知的清单 {kind}。</translation>
    </message>
    <message>
        <source>{field}: {value} is not a valid value.</source>
        <translation>{field}：{value} 不是有效的值。</translation>
    </message>
    <message>
        <source>The code {value} is taken.</source>
        <translation>代码 {value} 已被使用。</translation>
    </message>
    <message>
        <source>Enter the store&apos;s name, 1 to {limit} characters.</source>
        <translation>请输入门店名称，1 至 {limit} 个字。</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG file that exists: {path}.</source>
        <translation>标志须为存在的 PNG 或 JPEG 文件：{path}。</translation>
    </message>
    <message>
        <source>The taxpayer ID {value} is not a unified social credit code: 18 digits and capital letters (no I, O, S, V or Z).</source>
        <translation>纳税人识别号 {value} 不是统一社会信用代码：应为 18 位数字或大写字母（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>The taxpayer ID {value} has a wrong check character: compare it with the business licence.</source>
        <translation>纳税人识别号 {value} 的校验码不对：请与营业执照核对。</translation>
    </message>
    <message>
        <source>The invoice details need at least the name and the taxpayer ID.</source>
        <translation>开票信息至少须填写名称和纳税人识别号。</translation>
    </message>
    <message>
        <source>Unknown item kind {kind}.</source>
        <translation>未知的项目类型 {kind}。</translation>
    </message>
    <message>
        <source>Enter an item&apos;s code, 1 to {limit} characters.</source>
        <translation>请输入项目代码，1 至 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{value} is not a quantity: enter a number above zero.</source>
        <translation>{value} 不是有效数量：请输入大于零的数。</translation>
    </message>
    <message>
        <source>An item is in the package twice.</source>
        <translation>套餐中有重复的项目。</translation>
    </message>
    <message>
        <source>A package has 1 to {limit} items, at least one of them labour.</source>
        <translation>套餐须有 1 至 {limit} 个项目，且至少含一项工时。</translation>
    </message>
    <message>
        <source>Not in the store&apos;s catalogue: {codes}.</source>
        <translation>本店目录中没有：{codes}。</translation>
    </message>
    <message>
        <source>No clocked jobs of {operation} to learn from yet.</source>
        <translation>{operation} 还没有可供学习的打卡作业。</translation>
    </message>
    <message>
        <source>Unknown setting {key}.</source>
        <translation>未知的设置项 {key}。</translation>
    </message>
    <message>
        <source>{value} is not a valid value for {key}.</source>
        <translation>{value} 不是 {key} 的有效值。</translation>
    </message>
    <message>
        <source>Enter at least one payment.</source>
        <translation>请至少录入一笔付款。</translation>
    </message>
    <message>
        <source>Nothing is outstanding.</source>
        <translation>没有待收款项。</translation>
    </message>
    <message>
        <source>The order has no approved line or fee.</source>
        <translation>该工单没有已确认的项目或费用。</translation>
    </message>
    <message>
        <source>{paid} is more than the {outstanding} outstanding.</source>
        <translation>付款 {paid} 超过了待收金额 {outstanding}。</translation>
    </message>
    <message>
        <source>A payment must be a positive amount in whole fen, not {value}.</source>
        <translation>付款金额必须为正数且精确到分，{value} 无效。</translation>
    </message>
    <message>
        <source>Unknown payment method {method}.</source>
        <translation>未知的付款方式：{method}。</translation>
    </message>
    <message>
        <source>{count} line(s) still wait for the customer&apos;s decision.</source>
        <translation>还有 {count} 个项目等待客户确认。</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>A {method} payment needs its voucher or transaction number.</source>
        <translation>{method}付款需要填写凭证号或交易流水号。</translation>
    </message>
    <message>
        <source>The reference is too long.</source>
        <translation>凭证号过长。</translation>
    </message>
    <message>
        <source>{received} was already received, more than the new customer share {share}; refund the difference first.</source>
        <translation>已收款 {received}，超过调整后的客户应付金额 {share}，请先退还差额。</translation>
    </message>
    <message>
        <source>{received} was received for this order; refund it first.</source>
        <translation>本工单已收款 {received}，请先退款。</translation>
    </message>
    <message>
        <source>Gate pass {number} was already issued.</source>
        <translation>出门证 {number} 已开具。</translation>
    </message>
    <message>
        <source>{outstanding} is still outstanding; take the payment or ask the manager to approve credit.</source>
        <translation>仍有 {outstanding} 未收，请收款或请经理批准挂账。</translation>
    </message>
    <message>
        <source>The balance is neither paid nor on credit.</source>
        <translation>余款既未结清，也未批准挂账。</translation>
    </message>
    <message>
        <source>The follow-up is due after 24 or 72 hours.</source>
        <translation>回访时间只能为交车后 24 或 72 小时。</translation>
    </message>
    <message>
        <source>Hand the keys back to the customer.</source>
        <translation>请先将车钥匙交还客户。</translation>
    </message>
    <message>
        <source>Issue the gate pass first.</source>
        <translation>请先开具出门证。</translation>
    </message>
    <message>
        <source>A refund is a positive amount in whole fen, not {value}.</source>
        <translation>退款金额须为以分计的正数，不能是 {value}。</translation>
    </message>
    <message>
        <source>Above {limit} a manager approves the refund or credit note.</source>
        <translation>超过 {limit} 的退款或红字冲销需要服务经理批准。</translation>
    </message>
    <message>
        <source>At most {most} can be refunded.</source>
        <translation>最多可退 {most}。</translation>
    </message>
    <message>
        <source>Scan the job card or type a plate, work order or invoice number.</source>
        <translation>请扫描派工单，或输入车牌号、工单号或发票号。</translation>
    </message>
    <message>
        <source>A manager approves this: the manager types their user name and password.</source>
        <translation>此操作需经理批准：请经理输入用户名和密码。</translation>
    </message>
    <message>
        <source>Unknown refund kind {kind}.</source>
        <translation>未知的退款类型：{kind}。</translation>
    </message>
    <message>
        <source>Code {customer_code} is taken.</source>
        <translation>客户编号 {customer_code} 已被使用。</translation>
    </message>
    <message>
        <source>Customer {customer_code} {name} has the same {field}.</source>
        <translation>客户 {customer_code} {name} 的{field}与此相同。</translation>
    </message>
    <message>
        <source>{email} is not an e-mail address.</source>
        <translation>{email} 不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>Unknown field {field}.</source>
        <translation>未知的字段：{field}。</translation>
    </message>
    <message>
        <source>A person or a company; gender M or F.</source>
        <translation>客户类型应为个人或单位，性别应为男或女。</translation>
    </message>
    <message>
        <source>{mobile} is not a mobile number.</source>
        <translation>{mobile} 不是有效的手机号码。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>请填写客户姓名。</translation>
    </message>
    <message>
        <source>A postcode is six digits.</source>
        <translation>邮政编码应为 6 位数字。</translation>
    </message>
    <message>
        <source>Vehicle {vin} ({plate}, engine {engine_no}) looks the same.</source>
        <translation>车辆 {vin}（车牌 {plate}，发动机号 {engine_no}）疑似同一辆车。</translation>
    </message>
    <message>
        <source>A mileage cannot be negative.</source>
        <translation>里程不能为负数。</translation>
    </message>
    <message>
        <source>{value} is not a mileage in whole km.</source>
        <translation>{value} 不是以整公里计的里程。</translation>
    </message>
    <message>
        <source>The current owner has had the car since {since}; the change cannot be earlier.</source>
        <translation>现车主自 {since} 起拥有该车，过户日期不能早于此日期。</translation>
    </message>
    <message>
        <source>{plate} is not a valid plate ({errors}).</source>
        <translation>{plate} 不是有效的车牌号（{errors}）。</translation>
    </message>
    <message>
        <source>Plate {plate} is already on file.</source>
        <translation>车牌 {plate} 已登记。</translation>
    </message>
    <message>
        <source>{name} already owns the vehicle.</source>
        <translation>{name} 已经是该车的车主。</translation>
    </message>
    <message>
        <source>{vin} is not a valid VIN ({errors}).</source>
        <translation>{vin} 不是有效的车架号（{errors}）。</translation>
    </message>
    <message>
        <source>VIN {vin} is already on file ({plate}).</source>
        <translation>车架号 {vin} 已登记（车牌 {plate}）。</translation>
    </message>
    <message>
        <source>Check VIN {vin} ({warnings}; check digit should be {expected}).</source>
        <translation>请核对车架号 {vin}（{warnings}；校验位应为 {expected}）。</translation>
    </message>
    <message>
        <source>{balance} is still on card {card_no}; refund it first.</source>
        <translation>会员卡 {card_no} 仍有储值余额 {balance}，请先退款。</translation>
    </message>
    <message>
        <source>Enter the card number (at most 30 characters).</source>
        <translation>请填写卡号（不超过 30 个字符）。</translation>
    </message>
    <message>
        <source>Card {card_no} is already in use.</source>
        <translation>卡号 {card_no} 已被使用。</translation>
    </message>
    <message>
        <source>The customer already holds card {card_no}.</source>
        <translation>该客户已持有会员卡 {card_no}。</translation>
    </message>
    <message>
        <source>Card {card_no} is {status}; cannot {action}.</source>
        <translation>会员卡 {card_no} 的状态为“{status}”，不能{action}。</translation>
    </message>
    <message>
        <source>Card {card_no} has been given up; to be a member again, join again.</source>
        <translation>会员卡 {card_no} 已退卡；如需继续享受会员权益，请重新办理入会。</translation>
    </message>
    <message>
        <source>The card is already {tier}.</source>
        <translation>该卡已是{tier}。</translation>
    </message>
    <message>
        <source>The membership balance is {balance}; {amount} cannot be drawn.</source>
        <translation>会员储值余额为 {balance}，不足以支付 {amount}。</translation>
    </message>
    <message>
        <source>The customer has no active membership card to pay from.</source>
        <translation>该客户没有可用于付款的有效会员卡。</translation>
    </message>
    <message>
        <source>The card holds {balance} points; {points} are needed for {amount}.</source>
        <translation>会员卡积分为 {balance}，抵扣 {amount} 需要 {points} 积分。</translation>
    </message>
    <message>
        <source>Campaign {campaign} was already done on {vin}.</source>
        <translation>车辆 {vin} 已完成活动 {campaign}。</translation>
    </message>
    <message>
        <source>Campaign {campaign} already exists.</source>
        <translation>活动 {campaign} 已存在。</translation>
    </message>
    <message>
        <source>A campaign needs a code and a name.</source>
        <translation>活动需要编号和名称。</translation>
    </message>
    <message>
        <source>The campaign ends before it starts.</source>
        <translation>活动的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Import a .xlsx or .csv file, not {name}.</source>
        <translation>请导入 .xlsx 或 .csv 文件，{name} 不是这两种格式。</translation>
    </message>
    <message>
        <source>Unknown campaign kind {kind}.</source>
        <translation>未知的活动类型：{kind}。</translation>
    </message>
    <message>
        <source>The file holds no valid VIN ({bad} invalid).</source>
        <translation>文件中没有有效的车架号（{bad} 个无效）。</translation>
    </message>
    <message>
        <source>Work order {number} was cancelled.</source>
        <translation>工单 {number} 已取消。</translation>
    </message>
    <message>
        <source>Vehicle {vin} is not in campaign {campaign}.</source>
        <translation>车辆 {vin} 不在活动 {campaign} 的范围内。</translation>
    </message>
    <message>
        <source>This follow-up was already recorded.</source>
        <translation>该回访已登记。</translation>
    </message>
    <message>
        <source>Write down the result of the call.</source>
        <translation>请填写回访结果。</translation>
    </message>
    <message>
        <source>Satisfaction is a score from 1 to 5.</source>
        <translation>满意度应为 1 到 5 分。</translation>
    </message>
    <message>
        <source>The deadline must be a time in the future.</source>
        <translation>处理期限必须晚于当前时间。</translation>
    </message>
    <message>
        <source>Describe the complaint.</source>
        <translation>请填写投诉内容。</translation>
    </message>
    <message>
        <source>Write down how to prevent it.</source>
        <translation>请填写预防措施。</translation>
    </message>
    <message>
        <source>Write down the resolution.</source>
        <translation>请填写处理方案。</translation>
    </message>
    <message>
        <source>Write down the root cause.</source>
        <translation>请填写根本原因。</translation>
    </message>
    <message>
        <source>Unknown severity {severity}.</source>
        <translation>未知的严重程度：{severity}。</translation>
    </message>
    <message>
        <source>Unknown complaint source {source}.</source>
        <translation>未知的投诉来源：{source}。</translation>
    </message>
    <message>
        <source>Cannot {action}: the complaint is {state}.</source>
        <translation>不能对状态为“{state}”的投诉执行“{action}”。</translation>
    </message>
    <message>
        <source>Find and choose the customer.</source>
        <translation>请查找并选择客户。</translation>
    </message>
    <message>
        <source>Only an open complaint can be reassigned.</source>
        <translation>只有未处理的投诉才能转交。</translation>
    </message>
    <message>
        <source>Unknown follow-up question {question}.</source>
        <translation>未知的回访问题 {question}。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>An appointment was already booked from this reminder.</source>
        <translation>该提醒已生成过预约。</translation>
    </message>
    <message>
        <source>{name} already reached this customer at {at}.</source>
        <translation>{name} 已于 {at} 联系上该客户。</translation>
    </message>
    <message>
        <source>Unknown reminder kind {kind}.</source>
        <translation>未知的提醒类型：{kind}。</translation>
    </message>
    <message>
        <source>Unknown contact method {method}.</source>
        <translation>未知的联系方式：{method}。</translation>
    </message>
    <message>
        <source>Note what happened on the call.</source>
        <translation>请记录通话结果。</translation>
    </message>
    <message>
        <source>The vehicle is not this customer&apos;s.</source>
        <translation>该车不属于此客户。</translation>
    </message>
    <message>
        <source>Choose which vehicle to book.</source>
        <translation>请选择要预约的车辆。</translation>
    </message>
    <message>
        <source>The reminder window cannot be negative.</source>
        <translation>提醒范围不能为负数。</translation>
    </message>
    <message>
        <source>Order {number} already completed a plan item.</source>
        <translation>工单 {number} 已完成过一个保养计划项目。</translation>
    </message>
    <message>
        <source>The vehicle has no such planned service.</source>
        <translation>该车没有这项计划保养。</translation>
    </message>
    <message>
        <source>Only a delivered maintenance order completes a plan item.</source>
        <translation>只有已交车的保养工单才能完成保养计划项目。</translation>
    </message>
    <message>
        <source>The vehicle already has a plan.</source>
        <translation>该车已有保养计划。</translation>
    </message>
    <message>
        <source>Not a usable barcode: {value}.</source>
        <translation>条码不可用：{value}。</translation>
    </message>
    <message>
        <source>Barcode {barcode} already means part {part}.</source>
        <translation>条码 {barcode} 已用于配件 {part}。</translation>
    </message>
    <message>
        <source>The vehicle&apos;s series is not known.</source>
        <translation>该车的车系未知。</translation>
    </message>
    <message>
        <source>No part has the code {key}.</source>
        <translation>没有编码为 {key} 的配件。</translation>
    </message>
    <message>
        <source>No part has the barcode or code {key}.</source>
        <translation>没有条码或编码为 {key} 的配件。</translation>
    </message>
    <message>
        <source>Unknown purchase need status {value}.</source>
        <translation>未知的采购需求状态：{value}。</translation>
    </message>
    <message>
        <source>Bin {bin} is being counted; stock there cannot move until the stocktake is posted.</source>
        <translation>货位 {bin} 正在盘点，盘点过账前该货位的库存不能变动。</translation>
    </message>
    <message>
        <source>The unit cost must be zero or more: {value}.</source>
        <translation>单位成本不能为负数：{value}。</translation>
    </message>
    <message>
        <source>The quantity must be a positive number (to 0.001): {value}.</source>
        <translation>数量必须为正数（最多三位小数）：{value}。</translation>
    </message>
    <message>
        <source>Cannot release more than is reserved.</source>
        <translation>释放数量不能超过预留数量。</translation>
    </message>
    <message>
        <source>Keep the reason for the added part within {limit} characters.</source>
        <translation>增项原因不能超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{part} waits for the customer&apos;s approval as added work.</source>
        <translation>{part} 是增项，尚待客户确认。</translation>
    </message>
    <message>
        <source>Keep the batch number within {limit} characters.</source>
        <translation>批次号不能超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{part} is not on this order.</source>
        <translation>{part} 不在本工单上。</translation>
    </message>
    <message>
        <source>Only {left} of {part} is still to issue to this order.</source>
        <translation>本工单的 {part} 只剩 {left} 待发料。</translation>
    </message>
    <message>
        <source>Only {issued} of this line is issued.</source>
        <translation>该项目只发料 {issued}，不能退回更多。</translation>
    </message>
    <message>
        <source>Parts are issued to this order; return them first.</source>
        <translation>本工单已领用配件，请先退料。</translation>
    </message>
    <message>
        <source>A quantity is a number of more than 0 (to 0.001), not {value}.</source>
        <translation>数量应为大于 0 的数字（最多三位小数），{value} 无效。</translation>
    </message>
    <message>
        <source>Give a reason (1 to {limit} characters).</source>
        <translation>请填写原因（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Enter who takes the parts (1 to {limit} characters).</source>
        <translation>请填写领料人（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>A purchase needs a unit cost on every line.</source>
        <translation>采购入库的每一行都需要填写单位成本。</translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation>请至少添加一行。</translation>
    </message>
    <message>
        <source>Unknown receipt mode {value}.</source>
        <translation>未知的入库方式：{value}。</translation>
    </message>
    <message>
        <source>The reference is at most 60 characters.</source>
        <translation>单据号不能超过 60 个字符。</translation>
    </message>
    <message>
        <source>Bins {bins} are being counted already.</source>
        <translation>货位 {bins} 已在盘点中。</translation>
    </message>
    <message>
        <source>Stocktake {number} is already {status}.</source>
        <translation>盘点单 {number} 的状态已是“{status}”。</translation>
    </message>
    <message>
        <source>Choose at least one bin to count.</source>
        <translation>请至少选择一个要盘点的货位。</translation>
    </message>
    <message>
        <source>Part {part} belongs in bin {bin}, which this stocktake does not count.</source>
        <translation>配件 {part} 属于货位 {bin}，不在本次盘点范围内。</translation>
    </message>
    <message>
        <source>The counted quantity must be zero or more (to 0.001): {value}.</source>
        <translation>盘点数量不能为负数（最多三位小数）：{value}。</translation>
    </message>
    <message>
        <source>Part {part}: counted {counted}, but more is reserved for work orders; release those reservations first.</source>
        <translation>配件 {part} 盘点数为 {counted}，少于工单预留数量；请先释放这些预留。</translation>
    </message>
    <message>
        <source>{count} lines are not counted yet.</source>
        <translation>还有 {count} 行未盘点。</translation>
    </message>
    <message>
        <source>No bin {bins} in this warehouse.</source>
        <translation>本仓库没有货位 {bins}。</translation>
    </message>
    <message>
        <source>A transfer needs at least one line.</source>
        <translation>调拨单至少需要一行。</translation>
    </message>
    <message>
        <source>Transfer {number} is already {status}.</source>
        <translation>调拨单 {number} 的状态已是“{status}”。</translation>
    </message>
    <message>
        <source>The receiving store has no part {part} in its catalogue.</source>
        <translation>收货门店的配件目录中没有配件 {part}。</translation>
    </message>
    <message>
        <source>Send to a different warehouse.</source>
        <translation>请调拨到另一个仓库。</translation>
    </message>
    <message>
        <source>No transfer has the number {key}.</source>
        <translation>没有单号为 {key} 的调拨单。</translation>
    </message>
    <message>
        <source>Several stores sent a transfer numbered {number}; scan the barcode on its note.</source>
        <translation>有多家门店发出过单号为 {number} 的调拨单，请扫描调拨单上的条码。</translation>
    </message>
    <message>
        <source>Transfer {number} goes to {store} {warehouse}; it is booked in there.</source>
        <translation>调拨单 {number} 调往 {store} {warehouse}，应由对方入库。</translation>
    </message>
    <message>
        <source>Unknown action {action}.</source>
        <translation>未知的操作：{action}。</translation>
    </message>
    <message>
        <source>Enter the claim number the old part goes back under.</source>
        <translation>请填写旧件返厂所属的索赔单号。</translation>
    </message>
    <message>
        <source>Choose at least one old part.</source>
        <translation>请至少选择一件旧件。</translation>
    </message>
    <message>
        <source>Unknown old-part status {value}.</source>
        <translation>未知的旧件状态 {value}。</translation>
    </message>
    <message>
        <source>Unknown disposition {value}.</source>
        <translation>未知的旧件处理方式：{value}。</translation>
    </message>
    <message>
        <source>This line&apos;s old part is already recorded.</source>
        <translation>该项目的旧件已登记。</translation>
    </message>
    <message>
        <source>Cannot {action}: the old part is {status}.</source>
        <translation>不能对状态为“{status}”的旧件执行“{action}”。</translation>
    </message>
    <message>
        <source>Enter the storage location (1 to {limit} characters).</source>
        <translation>请填写存放位置（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>No part was issued on this line.</source>
        <translation>该项目没有发过料。</translation>
    </message>
    <message>
        <source>Only a warranty claim&apos;s old part goes back to the maker.</source>
        <translation>只有索赔旧件才能返厂。</translation>
    </message>
    <message>
        <source>Keep the note within {limit} characters.</source>
        <translation>备注不能超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A warranty claim&apos;s old part goes back to the maker.</source>
        <translation>索赔旧件须返厂，不能交还客户或报废。</translation>
    </message>
    <message>
        <source>A warranty claim&apos;s old part must go back to the maker.</source>
        <translation>索赔项目的旧件必须返厂。</translation>
    </message>
    <message>
        <source>The warranty claim&apos;s old parts {parts} are not in the old-part store.</source>
        <translation>索赔旧件 {parts} 尚未入旧件库。</translation>
    </message>
    <message>
        <source>Nothing of this line waits to be issued.</source>
        <translation>该配件行没有待领料的数量。</translation>
    </message>
    <message>
        <source>No work order has the number {key}.</source>
        <translation>没有工单号为 {key} 的工单。</translation>
    </message>
    <message>
        <source>There is no scan to undo.</source>
        <translation>没有可撤销的扫码。</translation>
    </message>
    <message>
        <source>Work order {number} is {state}; its parts can no longer be taken back here.</source>
        <translation>工单 {number} 状态为{state}，配件已不能在此退回。</translation>
    </message>
    <message>
        <source>This scan is undone already.</source>
        <translation>这次扫码已经撤销过了。</translation>
    </message>
    <message>
        <source>Nothing needs ordering.</source>
        <translation>没有需要采购的配件。</translation>
    </message>
    <message>
        <source>Unknown purchase order status {value}.</source>
        <translation>未知的采购订单状态 {value}。</translation>
    </message>
    <message>
        <source>Purchase order {number} is received in full.</source>
        <translation>采购订单 {number} 已全部到货。</translation>
    </message>
    <message>
        <source>{part} is not on purchase order {number}.</source>
        <translation>{part} 不在采购订单 {number} 上。</translation>
    </message>
    <message>
        <source>Only {left} of {part} is still to come on this order.</source>
        <translation>本订单 {part} 只剩 {left} 未到货。</translation>
    </message>
    <message>
        <source>Purchase order {number} is cancelled.</source>
        <translation>采购订单 {number} 已取消。</translation>
    </message>
    <message>
        <source>Say why the purchase order is cancelled.</source>
        <translation>请填写取消采购订单的原因。</translation>
    </message>
    <message>
        <source>Unknown booking channel {value}.</source>
        <translation>未知的预约渠道：{value}。</translation>
    </message>
    <message>
        <source>Appointment {number} is already {status}.</source>
        <translation>预约 {number} 的状态已是“{status}”。</translation>
    </message>
    <message>
        <source>{day} is fully booked ({booked} of {capacity} hours); confirm to over-book.</source>
        <translation>{day} 已约满（已约 {booked} 小时，可用 {capacity} 小时）；确认后可超额预约。</translation>
    </message>
    <message>
        <source>The {trade} bays are fully booked on {day} ({booked} of {capacity} hours); confirm to over-book.</source>
        <translation>{day} {trade}工位已约满（已约 {booked} 小时，可用 {capacity} 小时）；确认后可超额预约。</translation>
    </message>
    <message>
        <source>Unknown trade {value}.</source>
        <translation>未知工种 {value}。</translation>
    </message>
    <message>
        <source>An appointment must be in the future.</source>
        <translation>预约时间必须晚于当前时间。</translation>
    </message>
    <message>
        <source>Give a reason for cancelling.</source>
        <translation>请填写取消原因。</translation>
    </message>
    <message>
        <source>This appointment is for another vehicle.</source>
        <translation>该预约对应的是另一辆车。</translation>
    </message>
    <message>
        <source>Say what work the customer asks for.</source>
        <translation>请填写客户要求的维修项目。</translation>
    </message>
    <message>
        <source>Unknown business type {value}.</source>
        <translation>未知的业务类型：{value}。</translation>
    </message>
    <message>
        <source>Write down what the customer says is wrong.</source>
        <translation>请填写客户描述的故障。</translation>
    </message>
    <message>
        <source>The fuel level is in eighths, from 0 to 8.</source>
        <translation>油量按八分之几填写，范围为 0 到 8。</translation>
    </message>
    <message>
        <source>The mileage cannot be negative.</source>
        <translation>里程不能为负数。</translation>
    </message>
    <message>
        <source>{mileage} km is below the last recorded {last} km; confirm an odometer change with a note to accept it.</source>
        <translation>里程 {mileage} 公里低于上次记录的 {last} 公里；如确已更换仪表，请确认并填写说明。</translation>
    </message>
    <message>
        <source>The signature is not on the pad.</source>
        <translation>签名不在签字板内。</translation>
    </message>
    <message>
        <source>The customer has not signed yet.</source>
        <translation>客户还没有签名。</translation>
    </message>
    <message>
        <source>That is more than a signature; clear the pad and sign again.</source>
        <translation>签字内容过多，请清除后重新签名。</translation>
    </message>
    <message>
        <source>The customer declined every line; cancel the order instead.</source>
        <translation>客户拒绝了全部项目，请改为取消工单。</translation>
    </message>
    <message>
        <source>Enter who approved the estimate (1 to {limit} characters).</source>
        <translation>请填写确认人（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>The assessed amount is an amount of 0 or more, not {value}.</source>
        <translation>定损金额应为不小于 0 的金额，{value} 无效。</translation>
    </message>
    <message>
        <source>The deductible is an amount of 0 or more, not {value}.</source>
        <translation>免赔额应为不小于 0 的金额，{value} 无效。</translation>
    </message>
    <message>
        <source>A discount is between 0 and 100 %, not {value}.</source>
        <translation>折扣应在 0 到 100% 之间，{value} 无效。</translation>
    </message>
    <message>
        <source>A discount is between 0 and 100 %.</source>
        <translation>折扣应在 0 到 100% 之间。</translation>
    </message>
    <message>
        <source>Only customer-paid lines are discounted.</source>
        <translation>只有客户付费的项目可以打折。</translation>
    </message>
    <message>
        <source>A fee is an amount of more than 0, not {value}.</source>
        <translation>费用金额应大于 0，{value} 无效。</translation>
    </message>
    <message>
        <source>Describe the fee (1 to {limit} characters).</source>
        <translation>请填写费用说明（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Unknown fee kind {kind}.</source>
        <translation>未知的费用类型：{kind}。</translation>
    </message>
    <message>
        <source>Hours are a number of more than 0, not {value}.</source>
        <translation>工时应为大于 0 的数字，{value} 无效。</translation>
    </message>
    <message>
        <source>Enter the insurer (1 to {limit} characters).</source>
        <translation>请填写保险公司（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Enter the name of the job (1 to {limit} characters).</source>
        <translation>请填写工时项目名称（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Unknown line kind {kind}.</source>
        <translation>未知的项目类型：{kind}。</translation>
    </message>
    <message>
        <source>Unknown approval method {method}.</source>
        <translation>未知的确认方式：{method}。</translation>
    </message>
    <message>
        <source>Add at least one job or part first.</source>
        <translation>请先添加至少一个工时项目或配件。</translation>
    </message>
    <message>
        <source>Only an insurance order has a claim.</source>
        <translation>只有保险理赔工单才能填写理赔信息。</translation>
    </message>
    <message>
        <source>Part {part} is no longer sold.</source>
        <translation>配件 {part} 已停用。</translation>
    </message>
    <message>
        <source>Unknown payer {payer}.</source>
        <translation>未知的付费方：{payer}。</translation>
    </message>
    <message>
        <source>Enter the paying company (1 to {limit} characters).</source>
        <translation>请填写付费单位（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>A quantity is a number of more than 0, not {value}.</source>
        <translation>数量应为大于 0 的数字，{value} 无效。</translation>
    </message>
    <message>
        <source>{issued} of this part are issued already: the quantity cannot be lower.</source>
        <translation>该配件已领料 {issued}，数量不能低于已领数量。</translation>
    </message>
    <message>
        <source>Choose why the customer declined.</source>
        <translation>请选择客户拒绝的原因。</translation>
    </message>
    <message>
        <source>Keep the customer&apos;s words within {limit} characters.</source>
        <translation>客户原话请控制在 {limit} 个字以内。</translation>
    </message>
    <message>
        <source>Say in a few words why the customer declined.</source>
        <translation>请简要说明客户拒绝的原因。</translation>
    </message>
    <message>
        <source>Enter the claim report number (1 to {limit} characters).</source>
        <translation>请填写报案号（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>The lines changed after the last estimate; issue a new estimate first.</source>
        <translation>上次估价后项目有变动，请先重新出具估价单。</translation>
    </message>
    <message>
        <source>Unknown trade {trade}.</source>
        <translation>未知的工种：{trade}。</translation>
    </message>
    <message>
        <source>Line {ids} cannot be chosen here.</source>
        <translation>此处不能选择项目 {ids}。</translation>
    </message>
    <message>
        <source>No job {seq} on this order.</source>
        <translation>本工单没有第 {seq} 项工时项目。</translation>
    </message>
    <message>
        <source>An estimate is valid for at least one day.</source>
        <translation>估价单的有效期至少为一天。</translation>
    </message>
    <message>
        <source>Describe the added work (1 to {limit} characters).</source>
        <translation>请填写增项说明（1 至 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Line {id} is not waiting for a price.</source>
        <translation>项目 {id} 不在待报价状态。</translation>
    </message>
    <message>
        <source>Line {ids} is not priced added work.</source>
        <translation>项目 {ids} 不是已报价的增项。</translation>
    </message>
    <message>
        <source>No priced added work to answer.</source>
        <translation>没有需要客户确认的已报价增项。</translation>
    </message>
    <message>
        <source>Price at least one line.</source>
        <translation>请至少为一个项目报价。</translation>
    </message>
    <message>
        <source>{bay} is busy: {plate} is in repair there.</source>
        <translation>{bay}正忙：{plate} 正在该工位维修。</translation>
    </message>
    <message>
        <source>Bay {bay} is out of service.</source>
        <translation>工位 {bay} 已停用。</translation>
    </message>
    <message>
        <source>{bay} is a {bay_kind} bay; job {job} ({trade}) goes to a {needed_kind} bay.</source>
        <translation>{bay}是{bay_kind}工位；作业 {job}（{trade}）应派到{needed_kind}工位。</translation>
    </message>
    <message>
        <source>Someone is still clocked on this car.</source>
        <translation>仍有技师在这辆车上打卡作业。</translation>
    </message>
    <message>
        <source>Keep the equipment note within 200 characters.</source>
        <translation>设备说明不能超过 200 个字符。</translation>
    </message>
    <message>
        <source>Someone is clocked on job {job}: clock off before moving it.</source>
        <translation>有技师正在作业 {job} 上打卡，请先收工再调整。</translation>
    </message>
    <message>
        <source>Job {job} is done.</source>
        <translation>作业 {job} 已完工。</translation>
    </message>
    <message>
        <source>Jobs not done yet: {jobs}.</source>
        <translation>以下作业尚未完工：{jobs}。</translation>
    </message>
    <message>
        <source>Job {job} is not approved by the customer.</source>
        <translation>作业 {job} 尚未经客户确认。</translation>
    </message>
    <message>
        <source>Pause only to wait for parts or for the customer&apos;s approval.</source>
        <translation>只有等待配件或等待客户确认时才能暂停。</translation>
    </message>
    <message>
        <source>Planned hours must be more than 0, not {value}.</source>
        <translation>计划工时必须大于 0，不能是 {value}。</translation>
    </message>
    <message>
        <source>The planned end must follow the start.</source>
        <translation>计划完工时间必须晚于计划开工时间。</translation>
    </message>
    <message>
        <source>Finish only after the self-check passes.</source>
        <translation>自检合格后才能完工。</translation>
    </message>
    <message>
        <source>User {user} is not an active {role} of this store.</source>
        <translation>用户 {user} 不是本店在职的{role}。</translation>
    </message>
    <message>
        <source>You are already clocked on job {job}.</source>
        <translation>您已在作业 {job} 上打卡。</translation>
    </message>
    <message>
        <source>Job {job} is already done.</source>
        <translation>作业 {job} 已经完工。</translation>
    </message>
    <message>
        <source>Job {job} is assigned to someone else.</source>
        <translation>作业 {job} 已派给其他技师。</translation>
    </message>
    <message>
        <source>Job {job} is not dispatched.</source>
        <translation>作业 {job} 尚未派工。</translation>
    </message>
    <message>
        <source>You are not clocked on job {job}.</source>
        <translation>您没有在作业 {job} 上打卡。</translation>
    </message>
    <message>
        <source>You are still clocked on job {job} of {number}; clock off first.</source>
        <translation>您仍在工单 {number} 的作业 {job} 上打卡，请先收工。</translation>
    </message>
    <message>
        <source>Keep the reason within 40 characters.</source>
        <translation>原因不能超过 40 个字符。</translation>
    </message>
    <message>
        <source>The car is later than promised ({promised}): give a reason.</source>
        <translation>车辆晚于承诺交车时间（{promised}），请填写延误原因。</translation>
    </message>
    <message>
        <source>A passed inspection has no rework owner or penalty.</source>
        <translation>质检合格时不能指定返工责任人或考核扣款。</translation>
    </message>
    <message>
        <source>The penalty is an amount of 0 or more, not {value}.</source>
        <translation>考核扣款应为不小于 0 的金额，不能是 {value}。</translation>
    </message>
    <message>
        <source>Say why the inspection failed.</source>
        <translation>请填写质检不合格的原因。</translation>
    </message>
    <message>
        <source>Name the technician who redoes the work.</source>
        <translation>请指定负责返工的维修技师。</translation>
    </message>
    <message>
        <source>The rework owner did not work on this car.</source>
        <translation>指定的返工技师没有参与这辆车的维修。</translation>
    </message>
    <message>
        <source>Name the jobs to redo: at least one, each a job of this car the rework owner worked on.</source>
        <translation>请指定要返工的作业：至少一项，且须是返工责任人在这辆车上做过的作业。</translation>
    </message>
    <message>
        <source>{count} added-work line(s) still wait for a price or the customer&apos;s answer.</source>
        <translation>还有 {count} 项增项在等待报价或客户答复。</translation>
    </message>
    <message>
        <source>Parts neither issued nor released: {parts}.</source>
        <translation>以下配件既未领料也未释放：{parts}。</translation>
    </message>
    <message>
        <source>The order has jobs: dispatch them instead.</source>
        <translation>该工单有维修作业，请先派工。</translation>
    </message>
    <message>
        <source>A discount above {limit} % needs a manager&apos;s approval.</source>
        <translation>超过 {limit}% 的折扣需要服务经理批准。</translation>
    </message>
    <message>
        <source>The estimate was valid until {until}; issue a new estimate first.</source>
        <translation>该估价单有效期至 {until}，请重新出具估价单。</translation>
    </message>
    <message>
        <source>Work order {number} is not in repair.</source>
        <translation>工单 {number} 不在维修中。</translation>
    </message>
    <message>
        <source>Every part of work order {number} is issued; other parts are added work.</source>
        <translation>工单 {number} 的配件已全部发出；其他配件请提报增项。</translation>
    </message>
    <message>
        <source>The counter already has a request for work order {number}.</source>
        <translation>配件前台已收到工单 {number} 的要料请求。</translation>
    </message>
    <message>
        <source>This request is already closed.</source>
        <translation>该要料请求已关闭。</translation>
    </message>
    <message>
        <source>Attach at most {limit} photos.</source>
        <translation>最多附 {limit} 张照片。</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} MB.</source>
        <translation>{file} 超过 {limit} MB。</translation>
    </message>
    <message>
        <source>{file} cannot be read.</source>
        <translation>无法读取 {file}。</translation>
    </message>
    <message>
        <source>{file} is not a JPEG or PNG photo.</source>
        <translation>{file} 不是 JPEG 或 PNG 照片。</translation>
    </message>
    <message>
        <source>A tool code has 1 to {limit} characters.</source>
        <translation>工具编号为 1 至 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A tool name has 1 to {limit} characters.</source>
        <translation>工具名称为 1 至 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A tool or a piece of equipment.</source>
        <translation>类别应为工具或设备。</translation>
    </message>
    <message>
        <source>Tool code {tool} is taken.</source>
        <translation>工具编号 {tool} 已被使用。</translation>
    </message>
    <message>
        <source>Check tools out in your own name.</source>
        <translation>请以您本人名义借用工具。</translation>
    </message>
    <message>
        <source>{tool} {name} is not on the shelf.</source>
        <translation>{tool} {name} 不在工具架上。</translation>
    </message>
    <message>
        <source>Work order {number} is not in the workshop.</source>
        <translation>工单 {number} 不在车间维修中。</translation>
    </message>
    <message>
        <source>{tool} {name} is not checked out.</source>
        <translation>{tool} {name} 未被借出。</translation>
    </message>
    <message>
        <source>{tool} is checked out to someone else.</source>
        <translation>{tool} 已借给他人。</translation>
    </message>
    <message>
        <source>Say what was done to the tool.</source>
        <translation>请填写对工具所做的保养维修内容。</translation>
    </message>
    <message>
        <source>Say what is damaged.</source>
        <translation>请填写损坏情况。</translation>
    </message>
    <message>
        <source>{tool} is checked out; return it first.</source>
        <translation>{tool} 已借出，请先归还。</translation>
    </message>
    <message>
        <source>Unknown checklist section {section}.</source>
        <translation>未知的检查类别 {section}。</translation>
    </message>
    <message>
        <source>A checklist item has 1 to {limit} characters.</source>
        <translation>检查项目为 1 至 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The checklist needs at least one item.</source>
        <translation>检查表至少需要一个项目。</translation>
    </message>
    <message>
        <source>An item is on the checklist twice.</source>
        <translation>检查表中有重复项目。</translation>
    </message>
    <message>
        <source>The mileage {value} is not a number of km of 0 or more.</source>
        <translation>里程 {value} 不是大于等于 0 的公里数。</translation>
    </message>
    <message>
        <source>PDI {number} is not signed by the inspector yet.</source>
        <translation>PDI {number} 尚未经检验员签字。</translation>
    </message>
    <message>
        <source>PDI {number} is signed; its results are locked.</source>
        <translation>PDI {number} 已签字，检查结果不可再改。</translation>
    </message>
    <message>
        <source>The car of PDI {number} is handed over.</source>
        <translation>PDI {number} 的车辆已交车。</translation>
    </message>
    <message>
        <source>An item is ok or failed.</source>
        <translation>检查结果应为合格或不合格。</translation>
    </message>
    <message>
        <source>Say what is wrong with a failed item.</source>
        <translation>请说明不合格项目的问题。</translation>
    </message>
    <message>
        <source>Check at least one item.</source>
        <translation>请至少检查一个项目。</translation>
    </message>
    <message>
        <source>{count} item(s) not checked yet: {items}.</source>
        <translation>还有 {count} 项未检查：{items}。</translation>
    </message>
    <message>
        <source>Say what was done to fix it.</source>
        <translation>请填写整改措施。</translation>
    </message>
    <message>
        <source>{item} did not fail.</source>
        <translation>{item} 并非不合格项目。</translation>
    </message>
    <message>
        <source>Name the buyer: an existing customer or a new one.</source>
        <translation>请指定购车客户：已有客户或新客户（二选一）。</translation>
    </message>
    <message>
        <source>Fix before the hand-over: {items}.</source>
        <translation>交车前须整改：{items}。</translation>
    </message>
    <message>
        <source>VIN {vin} is already on file as a customer&apos;s vehicle.</source>
        <translation>VIN {vin} 已作为客户车辆建档。</translation>
    </message>
    <message>
        <source>VIN {vin} has PDI {number} already.</source>
        <translation>VIN {vin} 已有 PDI 单 {number}。</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估价单</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Gate pass</source>
        <translation>出门证</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Labour operation</source>
        <translation>标准工时项目</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Membership tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Old part</source>
        <translation>旧件</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Maintenance package</source>
        <translation>保养套餐</translation>
    </message>
    <message>
        <source>Part line</source>
        <translation>配件项目</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Labour line</source>
        <translation>工时项目</translation>
    </message>
    <message>
        <source>Fee line</source>
        <translation>费用项目</translation>
    </message>
    <message>
        <source>Price class</source>
        <translation>工时价格类别</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款单</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Declined work item</source>
        <translation>未做项目</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>PDI</source>
        <translation>PDI 单</translation>
    </message>
    <message>
        <source>PDI item</source>
        <translation>PDI 检查项目</translation>
    </message>
    <message>
        <source>Parts request</source>
        <translation>要料请求</translation>
    </message>
    <message>
        <source>issue an estimate</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>approve the estimate</source>
        <translation>确认估价</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <source>start the repair</source>
        <translation>开工</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>恢复维修</translation>
    </message>
    <message>
        <source>finish the repair</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>pass QC</source>
        <translation>质检通过</translation>
    </message>
    <message>
        <source>fail QC</source>
        <translation>质检不通过</translation>
    </message>
    <message>
        <source>pre-settle</source>
        <translation>预结算</translation>
    </message>
    <message>
        <source>settle</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>deliver the car</source>
        <translation>交车</translation>
    </message>
    <message>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>add a barcode</source>
        <translation>添加条码</translation>
    </message>
    <message>
        <source>add a fee</source>
        <translation>添加费用</translation>
    </message>
    <message>
        <source>add a job</source>
        <translation>添加工时项目</translation>
    </message>
    <message>
        <source>add a part</source>
        <translation>添加配件</translation>
    </message>
    <message>
        <source>add a standard job</source>
        <translation>添加标准项目</translation>
    </message>
    <message>
        <source>change a line</source>
        <translation>修改项目</translation>
    </message>
    <message>
        <source>sign the check-in sheet</source>
        <translation>签接车单</translation>
    </message>
    <message>
        <source>handle appointments</source>
        <translation>处理预约</translation>
    </message>
    <message>
        <source>approve added work</source>
        <translation>确认增项</translation>
    </message>
    <message>
        <source>approve credit</source>
        <translation>批准挂账</translation>
    </message>
    <message>
        <source>assign a job</source>
        <translation>分配作业</translation>
    </message>
    <message>
        <source>book an appointment</source>
        <translation>登记预约</translation>
    </message>
    <message>
        <source>book from a reminder</source>
        <translation>根据提醒预约</translation>
    </message>
    <message>
        <source>cancel a stocktake</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <source>change the tier</source>
        <translation>变更会员等级</translation>
    </message>
    <message>
        <source>change the owner</source>
        <translation>变更车主</translation>
    </message>
    <message>
        <source>check a car in</source>
        <translation>接车</translation>
    </message>
    <message>
        <source>clock on</source>
        <translation>开工打卡</translation>
    </message>
    <message>
        <source>close a complaint</source>
        <translation>投诉结案</translation>
    </message>
    <message>
        <source>see the complaints</source>
        <translation>查看投诉</translation>
    </message>
    <message>
        <source>complete a campaign on a vehicle</source>
        <translation>登记车辆完成活动</translation>
    </message>
    <message>
        <source>complete a planned service</source>
        <translation>完成保养计划项目</translation>
    </message>
    <message>
        <source>create a customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>create a maintenance plan</source>
        <translation>制定保养计划</translation>
    </message>
    <message>
        <source>create a vehicle</source>
        <translation>新建车辆</translation>
    </message>
    <message>
        <source>see the due follow-ups</source>
        <translation>查看待回访</translation>
    </message>
    <message>
        <source>escalate overdue complaints</source>
        <translation>升级超期投诉</translation>
    </message>
    <message>
        <source>exchange a part</source>
        <translation>换件</translation>
    </message>
    <message>
        <source>expire memberships</source>
        <translation>处理会员到期</translation>
    </message>
    <message>
        <source>see the follow-ups</source>
        <translation>查看回访</translation>
    </message>
    <message>
        <source>import a campaign</source>
        <translation>导入活动</translation>
    </message>
    <message>
        <source>import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>import parts</source>
        <translation>导入配件</translation>
    </message>
    <message>
        <source>import vehicles</source>
        <translation>导入车辆</translation>
    </message>
    <message>
        <source>issue a gate pass</source>
        <translation>开具出门证</translation>
    </message>
    <message>
        <source>issue parts</source>
        <translation>发料</translation>
    </message>
    <message>
        <source>change a membership tier</source>
        <translation>变更会员等级</translation>
    </message>
    <message>
        <source>downgrade memberships</source>
        <translation>会员降级</translation>
    </message>
    <message>
        <source>enrol a member</source>
        <translation>办理入会</translation>
    </message>
    <message>
        <source>give up a membership</source>
        <translation>会员退卡</translation>
    </message>
    <message>
        <source>renew a membership</source>
        <translation>会员续期</translation>
    </message>
    <message>
        <source>replace a membership card</source>
        <translation>会员换卡</translation>
    </message>
    <message>
        <source>hand an old part over</source>
        <translation>旧件交还客户</translation>
    </message>
    <message>
        <source>take an old part into store</source>
        <translation>旧件入库</translation>
    </message>
    <message>
        <source>return an old part to the maker</source>
        <translation>旧件返厂</translation>
    </message>
    <message>
        <source>scrap an old part</source>
        <translation>旧件报废</translation>
    </message>
    <message>
        <source>hand over</source>
        <translation>交还客户</translation>
    </message>
    <message>
        <source>take into store</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>return to the maker</source>
        <translation>返厂</translation>
    </message>
    <message>
        <source>scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>record a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>see the open complaints</source>
        <translation>查看未结投诉</translation>
    </message>
    <message>
        <source>take a payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>complete a parts-only order</source>
        <translation>完成纯配件工单</translation>
    </message>
    <message>
        <source>post a stocktake</source>
        <translation>盘点过账</translation>
    </message>
    <message>
        <source>price added work</source>
        <translation>增项报价</translation>
    </message>
    <message>
        <source>propose added work</source>
        <translation>提出增项</translation>
    </message>
    <message>
        <source>receive parts</source>
        <translation>配件入库</translation>
    </message>
    <message>
        <source>receive a transfer</source>
        <translation>调拨收货</translation>
    </message>
    <message>
        <source>record a reminder call</source>
        <translation>登记提醒电话</translation>
    </message>
    <message>
        <source>issue a credit note</source>
        <translation>开具红字冲销</translation>
    </message>
    <message>
        <source>record a count</source>
        <translation>录入盘点数量</translation>
    </message>
    <message>
        <source>record a follow-up</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>record an old part</source>
        <translation>登记旧件</translation>
    </message>
    <message>
        <source>refund a payment</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>see the reminders</source>
        <translation>查看提醒</translation>
    </message>
    <message>
        <source>remove a line</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>replace the card</source>
        <translation>换卡</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <source>resolve a complaint</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>return parts</source>
        <translation>退料</translation>
    </message>
    <message>
        <source>release parts not needed</source>
        <translation>释放未用配件</translation>
    </message>
    <message>
        <source>return parts to the supplier</source>
        <translation>退货给供应商</translation>
    </message>
    <message>
        <source>send a transfer</source>
        <translation>调拨发货</translation>
    </message>
    <message>
        <source>change a store setting</source>
        <translation>修改门店设置</translation>
    </message>
    <message>
        <source>record the insurance claim</source>
        <translation>登记保险理赔信息</translation>
    </message>
    <message>
        <source>start a stocktake</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>do the team-lead check</source>
        <translation>班组长检验</translation>
    </message>
    <message>
        <source>change a customer</source>
        <translation>修改客户资料</translation>
    </message>
    <message>
        <source>see the visit analysis</source>
        <translation>查看回访分析</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>mechanical</source>
        <translation>机修</translation>
    </message>
    <message>
        <source>electrical</source>
        <translation>电器</translation>
    </message>
    <message>
        <source>body</source>
        <translation>钣金</translation>
    </message>
    <message>
        <source>paint</source>
        <translation>喷漆</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>已接车</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>已估价</translation>
    </message>
    <message>
        <source>authorized</source>
        <translation>已授权</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <source>in repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停中</translation>
    </message>
    <message>
        <source>in QC</source>
        <translation>质检中</translation>
    </message>
    <message>
        <source>in rework</source>
        <translation>返工中</translation>
    </message>
    <message>
        <source>ready for settlement</source>
        <translation>待结算</translation>
    </message>
    <message>
        <source>pre-settled</source>
        <translation>已预结算</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>a no-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>given up</source>
        <translation>已退卡</translation>
    </message>
    <message>
        <source>waiting for intake</source>
        <translation>待入库</translation>
    </message>
    <message>
        <source>in the old-part store</source>
        <translation>在旧件库</translation>
    </message>
    <message>
        <source>returned to the maker</source>
        <translation>已返厂</translation>
    </message>
    <message>
        <source>scrapped</source>
        <translation>已报废</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>已交还客户</translation>
    </message>
    <message>
        <source>being counted</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>service advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>调度员</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>班组长</translation>
    </message>
    <message>
        <source>QC inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>warehouse clerk</source>
        <translation>仓库管理员</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>customer-care agent</source>
        <translation>客服专员</translation>
    </message>
    <message>
        <source>service manager</source>
        <translation>服务经理</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>stored value</source>
        <translation>会员储值</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>not 17 characters</source>
        <translation>不是 17 位</translation>
    </message>
    <message>
        <source>a character other than digits and letters (no I, O, Q)</source>
        <translation>含有数字和字母（I、O、Q 除外）以外的字符</translation>
    </message>
    <message>
        <source>the 10th character is not a model-year code</source>
        <translation>第 10 位不是年款代码</translation>
    </message>
    <message>
        <source>the check digit does not match</source>
        <translation>校验位不符</translation>
    </message>
    <message>
        <source>no plate</source>
        <translation>车牌号为空</translation>
    </message>
    <message>
        <source>no province abbreviation at the start</source>
        <translation>开头不是省份简称</translation>
    </message>
    <message>
        <source>the second character is not a letter</source>
        <translation>第 2 位不是字母</translation>
    </message>
    <message>
        <source>not the shape of a plate</source>
        <translation>格式不正确</translation>
    </message>
    <message>
        <source>wrong number of characters</source>
        <translation>位数不对</translation>
    </message>
    <message>
        <source>港/澳 only on 粤Z plates</source>
        <translation>港、澳牌照应为粤Z</translation>
    </message>
    <message>
        <source>contains I or O</source>
        <translation>含有字母 I 或 O</translation>
    </message>
    <message>
        <source>(backup against its manifest)</source>
        <translation>（备份与清单比对）</translation>
    </message>
    <message>
        <source>after restoring (the database now holds the backup&apos;s data)</source>
        <translation>（恢复之后，数据库中现为备份的数据）</translation>
    </message>
    <message>
        <source>The action could not be completed.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <source>The settings file cannot be read. Correct it, or delete it to start again with the default settings.</source>
        <translation>无法读取设置文件。请修正该文件，或将其删除后以默认设置重新启动。</translation>
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
        <source>Cannot {action}: the work order is {state}.</source>
        <translation>不能对状态为“{state}”的工单执行“{action}”。</translation>
    </message>
    <message>
        <source>Not enough stock of {part}: {available} available, {requested} requested.</source>
        <translation>配件 {part} 库存不足：可用 {available}，需要 {requested}。</translation>
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
        <source>No active user {username}.</source>
        <translation>没有名为 {username} 的在职用户。</translation>
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
        <source>The database schema is not current: run `dms db upgrade` first.</source>
        <translation>数据库结构不是最新版本：请先运行 `dms db upgrade`。</translation>
    </message>
    <message>
        <source>The upgrade left {n} rows with broken references.</source>
        <translation>数据库升级后有 {n} 行数据的关联引用失效。</translation>
    </message>
    <message>
        <source>The connection to the database server was lost. Nothing of this action was saved; try again.</source>
        <translation>与数据库服务器的连接已断开，本次操作未保存任何内容，请重试。</translation>
    </message>
    <message>
        <source>The connection to the database server was lost while this action was being saved, so it may or may not have been saved. Reload and check before trying again.</source>
        <translation>保存本次操作时与数据库服务器的连接断开，操作可能已保存，也可能未保存。请重新加载并核对后再重试。</translation>
    </message>
    <message>
        <source>Cannot connect to the database server {server} ({reason}). Check that it is running and that this computer can reach it.</source>
        <translation>无法连接数据库服务器 {server}（{reason}）。请确认服务器正在运行，并且这台电脑能够连接到它。</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the network or ask your administrator, then try again.</source>
        <translation>无法连接数据库服务器。请检查网络或联系系统管理员，然后重试。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between list items</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{thing} of work order {number}</source>
        <translation>工单 {number} 的{thing}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <source>DMS</source>
        <translation>DMS</translation>
    </message>
    <message>
        <source>{problem} (see dms --help)</source>
        <translation>命令行有误：{problem}（参见 dms --help）</translation>
    </message>
    <message>
        <source>{argument}: “{value}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>{argument}：“{value}”不是日期，请写成 YYYY-MM-DD 格式。</translation>
    </message>
    <message>
        <source>{argument}: “{value}” is not one of {choices}.</source>
        <translation>{argument}：“{value}”不在可选值 {choices} 之中。</translation>
    </message>
    <message>
        <source>{argument}: “{value}” is not a valid value.</source>
        <translation>{argument}：“{value}”不是有效的值。</translation>
    </message>
    <message>
        <source>{argument} needs a value.</source>
        <translation>{argument} 后面需要一个值。</translation>
    </message>
    <message>
        <source>Missing: {arguments} (see dms --help).</source>
        <translation>缺少参数：{arguments}（参见 dms --help）。</translation>
    </message>
    <message>
        <source>Unknown arguments: {arguments} (see dms --help).</source>
        <translation>无法识别的参数：{arguments}（参见 dms --help）。</translation>
    </message>
    <message>
        <source>{path}: the file or folder does not exist.</source>
        <translation>{path}：文件或文件夹不存在。</translation>
    </message>
    <message>
        <source>{path}: permission denied.</source>
        <translation>{path}：没有访问权限。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>{path}: part of the path is a file, not a folder.</source>
        <translation>{path}：路径中有一部分是文件而不是文件夹。</translation>
    </message>
    <message>
        <source>{path}: the disk is full.</source>
        <translation>{path}：磁盘已满。</translation>
    </message>
    <message>
        <source>{path}: the disk is read-only.</source>
        <translation>{path}：磁盘为只读。</translation>
    </message>
    <message>
        <source>Cannot use {path}: {reason}</source>
        <translation>无法使用 {path}：{reason}</translation>
    </message>
    <message>
        <source>The output was closed before the command had written all of it.</source>
        <translation>输出在命令写完之前已被关闭。</translation>
    </message>
    <message>
        <source>Interrupted: the step in progress was not saved.</source>
        <translation>已中断：正在进行的步骤未保存。</translation>
    </message>
    <message>
        <source>Unexpected error ({error}); details in {log}.</source>
        <translation>意外错误（{error}），详情见 {log}。</translation>
    </message>
    <message>
        <source>The account {username} is disabled. Ask your manager to enable it.</source>
        <translation>账号 {username} 已停用，请联系经理启用。</translation>
    </message>
    <message>
        <source>This belongs to another store: {action}.</source>
        <translation>该记录属于其他门店：{action}。</translation>
    </message>
    <message>
        <source>Work order {number} is not assigned to you: {action}.</source>
        <translation>工单 {number} 未派给您：{action}。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for {username}; try again after {until}, or ask your manager to unlock the account.</source>
        <translation>{username} 登录失败次数过多，请在 {until} 之后再试，或请经理解锁账号。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password cannot be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <source>Use at most 200 ordinary characters in a password.</source>
        <translation>密码最多使用 200 个普通字符。</translation>
    </message>
    <message>
        <source>Choose a new password, not the current one.</source>
        <translation>请设置新密码，不能与当前密码相同。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>The password of {username} was set by someone else: sign in to the window (or run `dms passwd`) and choose your own first.</source>
        <translation>{username} 的密码由他人设置：请先登录窗口（或运行 `dms passwd`）设置您自己的密码。</translation>
    </message>
    <message>
        <source>Sign in: set DMS_USER and DMS_PASSWORD, or run the command in a terminal to be asked.</source>
        <translation>请登录：设置 DMS_USER 和 DMS_PASSWORD，或在终端中运行命令并按提示输入。</translation>
    </message>
    <message>
        <source>Enter a text of 1 to {limit} characters.</source>
        <translation>请输入 1 到 {limit} 个字符。</translation>
    </message>
    <message>
        <source>This database already has a store; sign in as its manager to add users.</source>
        <translation>此数据库已有门店；请以其经理身份登录后添加用户。</translation>
    </message>
    <message>
        <source>This database has no store and no users yet: run `dms init` to create the store and its first manager.</source>
        <translation>此数据库尚无门店和用户：请运行 `dms init` 创建门店和第一位经理。</translation>
    </message>
    <message>
        <source>A membership fee is an amount of 0 or more, not {value}.</source>
        <translation>会员费应为 0 或以上的金额，不能是 {value}。</translation>
    </message>
    <message>
        <source>{field}: at most {limit}, not {value}.</source>
        <translation>{field}最多为 {limit}，不能是 {value}。</translation>
    </message>
    <message>
        <source>{field} contains a character that cannot be stored (a NUL or a broken character).</source>
        <translation>{field}含有无法保存的字符（空字符或损坏的字符）。</translation>
    </message>
    <message>
        <source>{field}: {value} is not an exact number.</source>
        <translation>{field}：{value} 不是一个准确的数字。</translation>
    </message>
    <message>
        <source>{field}: at most {limit} characters.</source>
        <translation>{field}最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>customer&apos;s complaint</source>
        <translation>客户描述</translation>
    </message>
    <message>
        <source>requested work</source>
        <translation>预约项目</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>reason for the delay</source>
        <translation>延误原因</translation>
    </message>
    <message>
        <source>damage mark note</source>
        <translation>外观损伤备注</translation>
    </message>
    <message>
        <source>root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>prevention</source>
        <translation>预防措施</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次号</translation>
    </message>
    <message>
        <source>contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>delivered by</source>
        <translation>送修人</translation>
    </message>
    <message>
        <source>delivered-by phone</source>
        <translation>送修人电话</translation>
    </message>
    <message>
        <source>odometer change note</source>
        <translation>里程表更换说明</translation>
    </message>
    <message>
        <source>documents kept</source>
        <translation>留存证件</translation>
    </message>
    <message>
        <source>valuables</source>
        <translation>贵重物品</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>mileage at purchase</source>
        <translation>购车里程</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>home phone</source>
        <translation>住宅电话</translation>
    </message>
    <message>
        <source>office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>invoice header</source>
        <translation>发票抬头</translation>
    </message>
    <message>
        <source>invoice address and phone</source>
        <translation>开票地址、电话</translation>
    </message>
    <message>
        <source>bank and account</source>
        <translation>开户行及账号</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>series</source>
        <translation>车系</translation>
    </message>
    <message>
        <source>model code</source>
        <translation>车型代码</translation>
    </message>
    <message>
        <source>engine number</source>
        <translation>发动机号</translation>
    </message>
    <message>
        <source>engine model</source>
        <translation>发动机型号</translation>
    </message>
    <message>
        <source>transmission</source>
        <translation>变速箱</translation>
    </message>
    <message>
        <source>key number</source>
        <translation>钥匙号</translation>
    </message>
    <message>
        <source>displacement</source>
        <translation>排量</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>fuel</source>
        <translation>燃料</translation>
    </message>
    <message>
        <source>selling dealer</source>
        <translation>销售商</translation>
    </message>
    <message>
        <source>usage</source>
        <translation>使用性质</translation>
    </message>
    <message>
        <source>insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>policy number</source>
        <translation>保单号</translation>
    </message>
    <message>
        <source>store code</source>
        <translation>门店代码</translation>
    </message>
    <message>
        <source>store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>hourly rate</source>
        <translation>工时单价</translation>
    </message>
    <message>
        <source>trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>standard hours</source>
        <translation>标准工时</translation>
    </message>
    <message>
        <source>price class</source>
        <translation>工时价类</translation>
    </message>
    <message>
        <source>interval in km</source>
        <translation>间隔里程</translation>
    </message>
    <message>
        <source>interval in months</source>
        <translation>间隔月数</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>validity in months</source>
        <translation>有效月数</translation>
    </message>
    <message>
        <source>fee</source>
        <translation>会费</translation>
    </message>
    <message>
        <source>points threshold</source>
        <translation>积分门槛</translation>
    </message>
    <message>
        <source>labour discount</source>
        <translation>工时折扣</translation>
    </message>
    <message>
        <source>parts discount</source>
        <translation>材料折扣</translation>
    </message>
    <message>
        <source>team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>open customer files</source>
        <translation>查看客户档案</translation>
    </message>
    <message>
        <source>edit customers</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>edit vehicles</source>
        <translation>编辑车辆</translation>
    </message>
    <message>
        <source>search customers and vehicles</source>
        <translation>查询客户和车辆</translation>
    </message>
    <message>
        <source>look up membership cards</source>
        <translation>查询会员卡</translation>
    </message>
    <message>
        <source>handle memberships</source>
        <translation>办理会员业务</translation>
    </message>
    <message>
        <source>handle maintenance plans</source>
        <translation>管理保养计划</translation>
    </message>
    <message>
        <source>call from a reminder</source>
        <translation>提醒回访</translation>
    </message>
    <message>
        <source>see the appointments</source>
        <translation>查看预约</translation>
    </message>
    <message>
        <source>remind of an appointment</source>
        <translation>预约提醒</translation>
    </message>
    <message>
        <source>mark a no-show</source>
        <translation>标记爽约</translation>
    </message>
    <message>
        <source>cancel an appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>receive a booked car</source>
        <translation>预约到店接车</translation>
    </message>
    <message>
        <source>open a work order</source>
        <translation>开立工单</translation>
    </message>
    <message>
        <source>edit the estimate</source>
        <translation>编辑估价</translation>
    </message>
    <message>
        <source>record the customer&apos;s approval</source>
        <translation>登记客户确认</translation>
    </message>
    <message>
        <source>dispatch jobs</source>
        <translation>派工</translation>
    </message>
    <message>
        <source>pause a repair</source>
        <translation>暂停维修</translation>
    </message>
    <message>
        <source>resume a repair</source>
        <translation>恢复维修</translation>
    </message>
    <message>
        <source>close a work order</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <source>cancel a work order</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <source>reopen a work order</source>
        <translation>重开工单</translation>
    </message>
    <message>
        <source>clock on and off</source>
        <translation>上下工打卡</translation>
    </message>
    <message>
        <source>record approval of added work</source>
        <translation>登记增项确认</translation>
    </message>
    <message>
        <source>do the team lead&apos;s check</source>
        <translation>班组长检验</translation>
    </message>
    <message>
        <source>do the final inspection</source>
        <translation>终检</translation>
    </message>
    <message>
        <source>approve a refund</source>
        <translation>审批退款</translation>
    </message>
    <message>
        <source>approve a discount</source>
        <translation>审批折扣</translation>
    </message>
    <message>
        <source>release a part line</source>
        <translation>释放配件行</translation>
    </message>
    <message>
        <source>change the store&apos;s rules</source>
        <translation>修改门店规则</translation>
    </message>
    <message>
        <source>run the housekeeping</source>
        <translation>执行日常清理</translation>
    </message>
    <message>
        <source>hand a complaint to an owner</source>
        <translation>转交投诉给负责人</translation>
    </message>
    <message>
        <source>return parts to a supplier</source>
        <translation>退货给供应商</translation>
    </message>
    <message>
        <source>take parts back</source>
        <translation>退料</translation>
    </message>
    <message>
        <source>count stock</source>
        <translation>盘点计数</translation>
    </message>
    <message>
        <source>post or cancel a stocktake</source>
        <translation>过账或取消盘点</translation>
    </message>
    <message>
        <source>see the store&apos;s old parts</source>
        <translation>查看本店旧件</translation>
    </message>
    <message>
        <source>export the customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>export the vehicles</source>
        <translation>导出车辆</translation>
    </message>
    <message>
        <source>export the appointments</source>
        <translation>导出预约</translation>
    </message>
    <message>
        <source>export the work orders</source>
        <translation>导出工单</translation>
    </message>
    <message>
        <source>export the parts</source>
        <translation>导出配件</translation>
    </message>
    <message>
        <source>export the stock movements</source>
        <translation>导出出入库记录</translation>
    </message>
    <message>
        <source>export the settlements</source>
        <translation>导出结算</translation>
    </message>
    <message>
        <source>export the follow-ups</source>
        <translation>导出回访</translation>
    </message>
    <message>
        <source>export the complaints</source>
        <translation>导出投诉</translation>
    </message>
    <message>
        <source>see the KPI report</source>
        <translation>查看KPI报表</translation>
    </message>
    <message>
        <source>print an appointment slip</source>
        <translation>打印预约单</translation>
    </message>
    <message>
        <source>print a check-in sheet</source>
        <translation>打印接车单</translation>
    </message>
    <message>
        <source>print an estimate</source>
        <translation>打印估价单</translation>
    </message>
    <message>
        <source>print a job card</source>
        <translation>打印派工单</translation>
    </message>
    <message>
        <source>print a picking list</source>
        <translation>打印领料单</translation>
    </message>
    <message>
        <source>print a QC sheet</source>
        <translation>打印质检单</translation>
    </message>
    <message>
        <source>print a settlement</source>
        <translation>打印结算单</translation>
    </message>
    <message>
        <source>print a settlement receipt</source>
        <translation>打印结算收据</translation>
    </message>
    <message>
        <source>print a gate pass</source>
        <translation>打印出门证</translation>
    </message>
    <message>
        <source>print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>print transfer notes</source>
        <translation>打印调拨单</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>read the price lists and catalogues</source>
        <translation>查看价格表与目录</translation>
    </message>
    <message>
        <source>change the price lists and catalogues</source>
        <translation>修改价格表与目录</translation>
    </message>
    <message>
        <source>change the store&apos;s details</source>
        <translation>修改门店信息</translation>
    </message>
    <message>
        <source>adopt a learned standard time</source>
        <translation>采用学习所得的标准工时</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>restore the database</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>see the cashier&apos;s queue</source>
        <translation>查看收银待收款列表</translation>
    </message>
    <message>
        <source>see the day-end report</source>
        <translation>查看日结报表</translation>
    </message>
    <message>
        <source>ask the counter for parts</source>
        <translation>向配件前台要料</translation>
    </message>
    <message>
        <source>see the parts requests</source>
        <translation>查看要料请求</translation>
    </message>
    <message>
        <source>serve a parts request</source>
        <translation>处理要料请求</translation>
    </message>
    <message>
        <source>see added-work photos</source>
        <translation>查看增项照片</translation>
    </message>
    <message>
        <source>see the tools</source>
        <translation>查看工具</translation>
    </message>
    <message>
        <source>check a tool out</source>
        <translation>借用工具</translation>
    </message>
    <message>
        <source>return a tool</source>
        <translation>归还工具</translation>
    </message>
    <message>
        <source>record tool maintenance</source>
        <translation>记录工具保养维修</translation>
    </message>
    <message>
        <source>edit the tool catalogue</source>
        <translation>编辑工具目录</translation>
    </message>
    <message>
        <source>see PDI sheets</source>
        <translation>查看 PDI 单</translation>
    </message>
    <message>
        <source>inspect new cars (PDI)</source>
        <translation>新车 PDI 检查</translation>
    </message>
    <message>
        <source>fix PDI failures</source>
        <translation>整改 PDI 不合格项</translation>
    </message>
    <message>
        <source>hand a new car over</source>
        <translation>新车交车</translation>
    </message>
    <message>
        <source>edit the PDI checklist</source>
        <translation>编辑 PDI 检查表</translation>
    </message>
    <message>
        <source>print a PDI sheet</source>
        <translation>打印 PDI 检查单</translation>
    </message>
    <message>
        <source>see the workshop board</source>
        <translation>查看车间看板</translation>
    </message>
    <message>
        <source>see the picking queue</source>
        <translation>查看领料队列</translation>
    </message>
    <message>
        <source>order parts from suppliers</source>
        <translation>向供应商采购配件</translation>
    </message>
</context>
<context>
    <name>Moves</name>
    <message>
        <source>This bay is no longer in service.</source>
        <translation>该工位已停用。</translation>
    </message>
    <message>
        <source>Choose the technician first, then the bay.</source>
        <translation>请先选择技师，再选择工位。</translation>
    </message>
    <message>
        <source>The store has no bay in service.</source>
        <translation>本店没有可用工位。</translation>
    </message>
    <message>
        <source>Choose the technician: drop the job on a technician in the plan view (Alt+2), or press Ctrl+M there.</source>
        <translation>请选择技师：在排班视图（Alt+2）中把作业拖到技师上，或在那里按 Ctrl+M。</translation>
    </message>
    <message>
        <source>The technician clocks on at the terminal; a paused car resumes here.</source>
        <translation>技师在终端上开工；暂停的车辆可在此恢复。</translation>
    </message>
    <message>
        <source>Checks are recorded at the QC desk (Alt+3).</source>
        <translation>检验在质检台（Alt+3）登记。</translation>
    </message>
    <message>
        <source>A dispatched job is moved by giving it to another technician.</source>
        <translation>已派工的作业只能改派给其他技师。</translation>
    </message>
    <message>
        <source>A job in {lane} cannot be moved to {target}.</source>
        <translation>“{lane}”中的作业不能移到“{target}”。</translation>
    </message>
    <message>
        <source>Waiting dispatch</source>
        <translation>待派工</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Paused: parts</source>
        <translation>暂停：待料</translation>
    </message>
    <message>
        <source>Paused: approval</source>
        <translation>暂停：待确认</translation>
    </message>
    <message>
        <source>QC</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未派工</translation>
    </message>
</context>
<context>
    <name>MovesPage</name>
    <message>
        <source>coming here</source>
        <translation>调入本店</translation>
    </message>
    <message>
        <source>within the store</source>
        <translation>店内调拨</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>调出</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出仓</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调入仓</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>{code} {name}: {qty} to go out.</source>
        <translation>{code} {name}：待出库 {qty}。</translation>
    </message>
    <message>
        <source>Returned to the supplier: {count} lines out of stock.</source>
        <translation>已退货给供应商：{count} 行已出库。</translation>
    </message>
    <message>
        <source>Transfer {number} sent: the parts are in transit until the other warehouse books them in. Ctrl+P prints its note.</source>
        <translation>调拨单 {number} 已发出：配件在途，待对方仓库入库。按 Ctrl+P 打印调拨单。</translation>
    </message>
    <message>
        <source>Transfer {number} from {store} {warehouse}: {count} lines. Ctrl+Shift+G books it in.</source>
        <translation>调拨单 {number}，来自 {store} {warehouse}：共 {count} 行。按 Ctrl+Shift+G 入库。</translation>
    </message>
    <message>
        <source>Scan the note of a transfer coming here (or select one in the list) first.</source>
        <translation>请先扫描调入本店的调拨单（或在列表中选中一张）。</translation>
    </message>
    <message>
        <source>Transfer {number} booked in.</source>
        <translation>调拨单 {number} 已入库。</translation>
    </message>
    <message>
        <source>F9 sends the transfer.</source>
        <translation>按 F9 发出调拨。</translation>
    </message>
    <message>
        <source>F9 returns them to the supplier.</source>
        <translation>按 F9 退货给供应商。</translation>
    </message>
    <message>
        <source>{count} lines, {units} units.</source>
        <translation>共 {count} 行，{units} 件。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>出库仓库(&amp;F)：</translation>
    </message>
    <message>
        <source>S&amp;upplier:</source>
        <translation>供应商(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>调入(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Delivery note:</source>
        <translation>单据号(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Return to the supplier</source>
        <translation>退货给供应商</translation>
    </message>
    <message>
        <source>Transfer to a warehouse or store</source>
        <translation>调拨到其他仓库或门店</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>配件编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>配件名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>In transit: scan a transfer&apos;s note (or select it) to open it</source>
        <translation>在途调拨：扫描调拨单条码（或选中）即可打开</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>&amp;Find the customer (Enter)</source>
        <translation>查找客户(&amp;F)（回车）</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Complaint</source>
        <translation>投诉内容(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>Se&amp;verity</source>
        <translation>严重程度(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message>
        <source>No customer found.</source>
        <translation>未找到客户。</translation>
    </message>
    <message>
        <source>Complaint recorded for {name}.</source>
        <translation>已为 {name} 登记投诉。</translation>
    </message>
</context>
<context>
    <name>NewPdiDialog</name>
    <message>
        <source>New car PDI</source>
        <translation>新车 PDI</translation>
    </message>
    <message>
        <source>&amp;VIN</source>
        <translation>VIN 码(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation>车系(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Model code</source>
        <translation>车型代码(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Engine number</source>
        <translation>发动机号(&amp;E)</translation>
    </message>
    <message>
        <source>M&amp;ileage</source>
        <translation>里程(&amp;I)</translation>
    </message>
    <message>
        <source>PDI sheet opened: check every item.</source>
        <translation>PDI 检查单已建立：请逐项检查。</translation>
    </message>
</context>
<context>
    <name>NewToolDialog</name>
    <message>
        <source>New tool or equipment</source>
        <translation>新增工具设备</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>{code} is in the catalogue.</source>
        <translation>{code} 已加入工具目录。</translation>
    </message>
</context>
<context>
    <name>OldPartDialog</name>
    <message>
        <source>Old part</source>
        <translation>旧件</translation>
    </message>
    <message>
        <source>&amp;Disposition:</source>
        <translation>处理方式(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>存放位置(&amp;L)：</translation>
    </message>
    <message>
        <source>Old part recorded: {part}.</source>
        <translation>旧件已登记：{part}。</translation>
    </message>
</context>
<context>
    <name>OldPartMoveDialog</name>
    <message>
        <source>Old part back to the maker</source>
        <translation>旧件返厂</translation>
    </message>
    <message>
        <source>Scrap the old part</source>
        <translation>旧件报废</translation>
    </message>
    <message numerus="yes">
        <source>%n old parts back to the maker</source>
        <translation>
            <numerusform>%n 件旧件返厂</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scrap %n old parts</source>
        <translation>
            <numerusform>报废 %n 件旧件</numerusform>
        </translation>
    </message>
    <message>
        <source>Old part:</source>
        <translation>旧件：</translation>
    </message>
    <message>
        <source>Old parts:</source>
        <translation>旧件：</translation>
    </message>
    <message numerus="yes">
        <source>%n old parts: {status}.</source>
        <translation>
            <numerusform>%n 件旧件：{status}。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>报废原因(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Claim no.:</source>
        <translation>索赔单号(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>存放位置(&amp;L)：</translation>
    </message>
    <message>
        <source>Old part {part}: {status}.</source>
        <translation>旧件 {part}：{status}。</translation>
    </message>
</context>
<context>
    <name>OldPartsPage</name>
    <message>
        <source>In custody (not yet in the store, or in it)</source>
        <translation>保管中（待入库或在旧件库）</translation>
    </message>
    <message>
        <source>Waiting for intake</source>
        <translation>待入库</translation>
    </message>
    <message>
        <source>In the old-part store</source>
        <translation>在旧件库</translation>
    </message>
    <message>
        <source>Returned to the maker</source>
        <translation>已返厂</translation>
    </message>
    <message>
        <source>Handed to the customer</source>
        <translation>已交还客户</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>已报废</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Claim no.</source>
        <translation>索赔单号</translation>
    </message>
    <message>
        <source>Days held</source>
        <translation>保管天数</translation>
    </message>
    <message>
        <source>No old part matches {code}.</source>
        <translation>没有与 {code} 相符的旧件。</translation>
    </message>
    <message>
        <source>Old parts for {code}: select them to act on them.</source>
        <translation>{code} 的旧件：选中后即可处理。</translation>
    </message>
    <message>
        <source>Select the old parts first (Alt+L goes to the list).</source>
        <translation>请先选择旧件（Alt+L 转到列表）。</translation>
    </message>
    <message>
        <source>{count} old parts into the old-part store.</source>
        <translation>{count} 件旧件已入旧件库。</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Work order:</source>
        <translation>工单(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Claim no.:</source>
        <translation>索赔单号(&amp;C)：</translation>
    </message>
    <message>
        <source>Old parts of every order, the longest held first (&amp;L):</source>
        <translation>全部工单的旧件，保管最久的在前(&amp;L)：</translation>
    </message>
    <message>
        <source>scan a job card</source>
        <translation>扫描派工单</translation>
    </message>
    <message>
        <source>part of the claim number</source>
        <translation>索赔单号的一部分</translation>
    </message>
    <message>
        <source>Select rows (Shift+arrows, Ctrl+A), then: Ctrl+I into the store, Ctrl+Shift+M back to the maker under a claim number, Ctrl+Shift+S scrap. A scanned job card shows its order&apos;s old parts; any other scan, a claim&apos;s.</source>
        <translation>选中若干行（Shift+方向键，Ctrl+A 全选）后：Ctrl+I 入旧件库，Ctrl+Shift+M 按索赔单号返厂，Ctrl+Shift+S 报废。扫描派工单显示该工单的旧件，扫描其他条码则按索赔单号查找。</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Pre-settled: the order is in the cashier&apos;s queue. The slip is open to show the customer.</source>
        <translation>已预结算：工单已转收银台。结算单已打开，可给客户过目。</translation>
    </message>
    <message>
        <source>Estimate version {version} issued: {total}, the customer pays {share}.</source>
        <translation>估价单第 {version} 版已出具：{total}，客户承担 {share}。</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>Change owner</source>
        <translation>变更车主</translation>
    </message>
    <message>
        <source>Name, mobile or customer code of the new owner</source>
        <translation>新车主的姓名、手机或客户编号</translation>
    </message>
    <message>
        <source>Current owner</source>
        <translation>当前车主</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New owner</source>
        <translation>新车主(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>生效日期(&amp;F)</translation>
    </message>
    <message>
        <source>Owner changed; the file keeps the previous owner.</source>
        <translation>车主已变更，档案保留原车主记录。</translation>
    </message>
</context>
<context>
    <name>PackageItemsDialog</name>
    <message>
        <source>Items of %1 %2</source>
        <translation>套餐项目：%1 %2</translation>
    </message>
    <message>
        <source>Code or name of a labour operation or a part</source>
        <translation>工时项目或配件的代码、名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>&amp;Add:</source>
        <translation>添加(&amp;A)：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Nothing in the catalogue matches %1.</source>
        <translation>目录中没有与 %1 匹配的项目。</translation>
    </message>
    <message>
        <source>The items of %1 are saved.</source>
        <translation>套餐 %1 的项目已保存。</translation>
    </message>
</context>
<context>
    <name>PartsCounter</name>
    <message>
        <source>Parts counter</source>
        <translation>配件前台</translation>
    </message>
    <message>
        <source>Select a purchase order still waiting for goods.</source>
        <translation>请选择一张尚未全部到货的采购订单。</translation>
    </message>
    <message>
        <source>Start or choose a stocktake first.</source>
        <translation>请先开始或选择一张盘点单。</translation>
    </message>
    <message>
        <source>There is no scan to undo.</source>
        <translation>没有可撤销的扫码。</translation>
    </message>
    <message>
        <source>The last scan is undone: the part is back in stock.</source>
        <translation>已撤销上一次扫码：配件已回库。</translation>
    </message>
    <message>
        <source>Select a line of the order first.</source>
        <translation>请先选择工单的一行配件。</translation>
    </message>
    <message>
        <source>Select an old part of the order first.</source>
        <translation>请先选择工单的一个旧件。</translation>
    </message>
    <message>
        <source>The old part is in the old-part store.</source>
        <translation>旧件已入旧件库。</translation>
    </message>
    <message>
        <source>Select a purchase order first.</source>
        <translation>请先选择一张采购订单。</translation>
    </message>
    <message>
        <source>Purchase order {number}</source>
        <translation>采购订单 {number}</translation>
    </message>
    <message>
        <source>Export the purchase order</source>
        <translation>导出采购订单</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Purchase order {number} exported to {path}.</source>
        <translation>采购订单 {number} 已导出到 {path}。</translation>
    </message>
    <message>
        <source>The old part is handed over to the customer.</source>
        <translation>旧件已交还客户。</translation>
    </message>
    <message>
        <source>Picking list {number}</source>
        <translation>领料单 {number}</translation>
    </message>
    <message>
        <source>Scan or choose a part first.</source>
        <translation>请先扫描或选择一个配件。</translation>
    </message>
    <message>
        <source>Label {code}</source>
        <translation>标签 {code}</translation>
    </message>
    <message>
        <source>Scan the goods in first: there is no receipt to label.</source>
        <translation>请先扫描入库配件：还没有可打印标签的入库单。</translation>
    </message>
    <message>
        <source>Labels for the receipt ({count})</source>
        <translation>入库标签（{count} 张）</translation>
    </message>
    <message>
        <source>Scan a transfer&apos;s note, send one or select one first.</source>
        <translation>请先扫描调拨单、发出调拨或选中一张调拨单。</translation>
    </message>
    <message>
        <source>Transfer note {number}</source>
        <translation>调拨单 {number}</translation>
    </message>
    <message>
        <source>Scan a part to see its card</source>
        <translation>扫描配件查看配件卡</translation>
    </message>
    <message>
        <source>Scan every unit received: each scan adds one</source>
        <translation>逐件扫描到货配件：每扫一次加一件</translation>
    </message>
    <message>
        <source>Scan every unit on the shelf: each scan counts one</source>
        <translation>逐件扫描货架上的配件：每扫一次计一件</translation>
    </message>
    <message>
        <source>Goods in against an order: select it, Ctrl+Shift+G</source>
        <translation>按订单收货：选中订单后按 Ctrl+Shift+G</translation>
    </message>
    <message>
        <source>Old parts</source>
        <translation>旧件</translation>
    </message>
    <message>
        <source>&amp;Scan:</source>
        <translation>扫码(&amp;S)：</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件查询</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Returns and transfers</source>
        <translation>退货/调拨</translation>
    </message>
    <message>
        <source>Scan a job card, then its parts (or type a code and press Enter)</source>
        <translation>先扫派工单，再扫配件（也可输入编号后按回车）</translation>
    </message>
    <message>
        <source>Scan every unit going out: each scan adds one; a transfer note&apos;s barcode opens it</source>
        <translation>逐件扫描出库配件：每扫一次加一件；扫描调拨单条码即可打开该调拨单</translation>
    </message>
    <message>
        <source>Scan a job card or a claim number to see its old parts</source>
        <translation>扫描派工单或索赔单号查看相应旧件</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>领料</translation>
    </message>
</context>
<context>
    <name>PartsPage</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <source>bin locked</source>
        <translation>库位已锁定</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>genuine</source>
        <translation>正厂件</translation>
    </message>
    <message>
        <source>aftermarket</source>
        <translation>副厂件</translation>
    </message>
    <message>
        <source>Part code, barcode or name (or scan a part)</source>
        <translation>配件编号、条码或名称（也可扫码）</translation>
    </message>
    <message>
        <source>Fits &amp;model</source>
        <translation>按适用车型(&amp;M)</translation>
    </message>
    <message>
        <source>Search the parts that fit a series, e.g. 途胜</source>
        <translation>查找适用某车系的配件，例如 途胜</translation>
    </message>
    <message>
        <source>Part card</source>
        <translation>配件卡</translation>
    </message>
    <message>
        <source>Ledger: every movement and its document</source>
        <translation>出入库台账：每笔业务及其单据</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>适用车型</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Average cost</source>
        <translation>移动平均成本</translation>
    </message>
    <message>
        <source>Sale price</source>
        <translation>销售价</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>在途/待采购</translation>
    </message>
</context>
<context>
    <name>PartsWords</name>
    <message>
        <source>short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已发料</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退料</translation>
    </message>
    <message>
        <source>exchanged</source>
        <translation>已换料</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发料</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退料</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>调拨入库</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>调拨出库</translation>
    </message>
    <message>
        <source>Stocktake adjustment</source>
        <translation>盘点调整</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>退货给供应商</translation>
    </message>
    <message>
        <source>Old part</source>
        <translation>旧件</translation>
    </message>
    <message>
        <source>Show the customer</source>
        <translation>交客户查看</translation>
    </message>
    <message>
        <source>Warranty: back to the maker</source>
        <translation>索赔：返厂</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <source>Transfer from outside</source>
        <translation>外部调拨入库</translation>
    </message>
    <message>
        <source>Returned goods</source>
        <translation>退货入库</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>部分到货</translation>
    </message>
    <message>
        <source>received in full</source>
        <translation>全部到货</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <source>Choose your password</source>
        <translation>设置您的密码</translation>
    </message>
    <message>
        <source>Your password was set by someone else. Choose your own before you start.</source>
        <translation>您的密码由他人设置。开始工作前请设置您自己的密码。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>Temporary &amp;password:</source>
        <translation>临时密码(&amp;P)：</translation>
    </message>
    <message>
        <source>%1 must choose a new password at the next sign-in.</source>
        <translation>%1 下次登录时须设置新密码。</translation>
    </message>
</context>
<context>
    <name>PaymentsEditor</name>
    <message>
        <source>This payment {paid}</source>
        <translation>本次收款 {paid}</translation>
    </message>
    <message>
        <source>change {change}</source>
        <translation>找零 {change}</translation>
    </message>
    <message>
        <source>outstanding after {after}</source>
        <translation>收款后欠收 {after}</translation>
    </message>
    <message>
        <source>Scan or type the voucher or transaction number of card, WeChat Pay, Alipay and transfer payments.</source>
        <translation>银行卡、微信支付、支付宝和转账付款请扫描或输入凭证号或交易流水号。</translation>
    </message>
    <message>
        <source>Card {card}: stored value {balance}, {points} points (100 points pay ¥1.00).</source>
        <translation>会员卡 {card}：储值余额 {balance}，积分 {points}（100 积分抵 ¥1.00）。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reference (scan or type)</source>
        <translation>凭证号（扫描或输入）</translation>
    </message>
</context>
<context>
    <name>PdiChecklist</name>
    <message>
        <source>Exterior</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Interior</source>
        <translation>内饰</translation>
    </message>
    <message>
        <source>Engine bay</source>
        <translation>发动机舱</translation>
    </message>
    <message>
        <source>Chassis</source>
        <translation>底盘</translation>
    </message>
    <message>
        <source>Road test</source>
        <translation>路试</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Fixed by {who}</source>
        <translation>整改人：{who}</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PdiChecklistPage</name>
    <message numerus="yes">
        <source>The PDI checklist is saved: %n item(s).</source>
        <translation>
            <numerusform>PDI检查表已保存：共 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>What is checked</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>&amp;Add (Ins)</source>
        <translation>添加(&amp;A)（Ins）</translation>
    </message>
    <message>
        <source>&amp;Remove (Del)</source>
        <translation>删除(&amp;R)（Del）</translation>
    </message>
    <message>
        <source>Move &amp;up (Alt+Up)</source>
        <translation>上移(&amp;U)（Alt+↑）</translation>
    </message>
    <message>
        <source>Move do&amp;wn (Alt+Down)</source>
        <translation>下移(&amp;W)（Alt+↓）</translation>
    </message>
    <message>
        <source>&amp;Save (F9)</source>
        <translation>保存(&amp;S)（F9）</translation>
    </message>
    <message>
        <source>Inspections already started keep the checklist they began with; new ones use this one.</source>
        <translation>已开始的检查沿用开始时的检查表；新的检查使用此表。</translation>
    </message>
</context>
<context>
    <name>PdiDesk</name>
    <message>
        <source>Checking</source>
        <translation>检查中</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN 码</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已检</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>New-car PDI</source>
        <translation>新车PDI</translation>
    </message>
    <message>
        <source>Choose a sheet, or start one for a new car (Ctrl+N).</source>
        <translation>请选择一张检查单，或为新车新建（Ctrl+N）。</translation>
    </message>
    <message>
        <source>signed by {who} {when}</source>
        <translation>{who} 于 {when} 签字</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s) to fix</source>
        <translation>
            <numerusform>%n 项待整改</numerusform>
        </translation>
    </message>
    <message>
        <source>Results saved.</source>
        <translation>检查结果已保存。</translation>
    </message>
    <message>
        <source>Signed. Failed items are fixed before the hand-over.</source>
        <translation>已签字。不合格项须在交车前整改。</translation>
    </message>
    <message>
        <source>VIN tail or PDI number</source>
        <translation>VIN 后几位或 PDI 单号</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Loading the photo...</source>
        <translation>正在加载照片...</translation>
    </message>
</context>
<context>
    <name>Picking</name>
    <message>
        <source>Promised</source>
        <translation>承诺交车</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>To pick</source>
        <translation>待领</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Booked for</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约单号</translation>
    </message>
    <message>
        <source>Held for it: put ready</source>
        <translation>已预留（请备料）</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>待到货</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已领</translation>
    </message>
    <message>
        <source>Old part</source>
        <translation>旧件</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
</context>
<context>
    <name>PickingPage</name>
    <message>
        <source>Scan the job card first: {code} is not a work order.</source>
        <translation>请先扫派工单：{code} 不是工单号。</translation>
    </message>
    <message>
        <source>Work order opened: scan its parts.</source>
        <translation>工单已打开：请扫描配件。</translation>
    </message>
    <message>
        <source>{qty} × {code} {name} issued.</source>
        <translation>已发料 {qty} × {code} {name}。</translation>
    </message>
    <message>
        <source>{number}  {plate}  {model}  {state}  promised {when}</source>
        <translation>{number}  {plate}  {model}  {state}  承诺交车 {when}</translation>
    </message>
    <message>
        <source>Orders waiting for parts, the earliest promise first. Scan a job card (or Enter on a row) to open it.</source>
        <translation>待领料的工单，承诺交车最早的在前。扫描派工单（或在行上按回车）打开。</translation>
    </message>
    <message>
        <source>Taken by:</source>
        <translation>领料人：</translation>
    </message>
    <message>
        <source>technician&apos;s name</source>
        <translation>技师姓名</translation>
    </message>
    <message>
        <source>Old parts of this order: Ctrl+I into the store, Ctrl+H to the customer, Ctrl+Shift+M back to the maker, Ctrl+Shift+S scrap</source>
        <translation>本工单旧件：Ctrl+I 入旧件库，Ctrl+H 交还客户，Ctrl+Shift+M 返厂，Ctrl+Shift+S 报废</translation>
    </message>
    <message>
        <source>Booked until tomorrow: parts held for the appointments, to put ready</source>
        <translation>明日前的预约：已为预约预留的配件，请提前备料</translation>
    </message>
</context>
<context>
    <name>PostStocktakeDialog</name>
    <message>
        <source>Post stocktake {number}</source>
        <translation>过账盘点单 {number}</translation>
    </message>
    <message>
        <source>Gain {gain}, loss {loss}; {count} lines not counted.</source>
        <translation>盘盈 {gain}，盘亏 {loss}；{count} 行未盘点。</translation>
    </message>
    <message>
        <source>Count the uncounted lines as &amp;zero</source>
        <translation>未盘点的行按零计(&amp;Z)</translation>
    </message>
    <message>
        <source>Stocktake {number} posted: {count} adjustments.</source>
        <translation>盘点单 {number} 已过账：{count} 笔调整。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>{title} - preview</source>
        <translation>{title} - 打印预览</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Zoom (Ctrl++ and Ctrl+-)</source>
        <translation>缩放（Ctrl++ 和 Ctrl+-）</translation>
    </message>
    <message>
        <source>Printer...</source>
        <translation>打印机...</translation>
    </message>
    <message>
        <source>Choose the printer, page size and orientation for {kind} on this workstation</source>
        <translation>为本工作站的{kind}选择打印机、纸张大小和方向</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save as PDF...</source>
        <translation>另存为 PDF...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Rendering...</source>
        <translation>正在生成预览...</translation>
    </message>
    <message>
        <source>The pages cannot be shown: {reason}</source>
        <translation>无法显示页面：{reason}</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页 / 共 {count} 页</translation>
    </message>
    <message>
        <source>Pages sent to {printer}: {count}.</source>
        <translation>已发送到 {printer}：{count} 页。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Settlement slip</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source>Settlement receipt (80 mm)</source>
        <translation>结算小票（80 mm）</translation>
    </message>
    <message>
        <source>Gate pass</source>
        <translation>出门证</translation>
    </message>
    <message>
        <source>Refund slip</source>
        <translation>退款单</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估价单</translation>
    </message>
    <message>
        <source>Check-in sheet</source>
        <translation>接车单</translation>
    </message>
    <message>
        <source>Job card</source>
        <translation>派工单</translation>
    </message>
    <message>
        <source>Picking list</source>
        <translation>领料单</translation>
    </message>
    <message>
        <source>QC sheet</source>
        <translation>质量检验单</translation>
    </message>
    <message>
        <source>Appointment slip</source>
        <translation>预约确认单</translation>
    </message>
    <message>
        <source>Day-end report</source>
        <translation>日结报表</translation>
    </message>
    <message>
        <source>PDI sheet</source>
        <translation>新车PDI检查单</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Transfer note</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>No printer chosen; page {page}</source>
        <translation>未选择打印机；纸张 {page}</translation>
    </message>
    <message>
        <source>{printer}, page {page}</source>
        <translation>{printer}，纸张 {page}</translation>
    </message>
    <message>
        <source>No printer is chosen for {kind} and this workstation has no default printer. Choose one with Printer... or save as PDF.</source>
        <translation>{kind}尚未选择打印机，本工作站也没有默认打印机。请用“打印机...”选择一台，或另存为 PDF。</translation>
    </message>
    <message>
        <source>The printer &quot;{printer}&quot; chosen for {kind} is not available on this workstation. Choose another with Printer... or save as PDF.</source>
        <translation>为{kind}选择的打印机“{printer}”在本工作站上不可用。请用“打印机...”另选一台，或另存为 PDF。</translation>
    </message>
    <message>
        <source>The document could not be printed: {reason}</source>
        <translation>无法打印文档：{reason}</translation>
    </message>
    <message>
        <source>The printer &quot;{printer}&quot; could not be started. Check that it is switched on, or save as PDF.</source>
        <translation>无法启动打印机“{printer}”。请检查是否已开机，或另存为 PDF。</translation>
    </message>
</context>
<context>
    <name>PurchasePage</name>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>For orders</source>
        <translation>工单需求</translation>
    </message>
    <message>
        <source>For stock</source>
        <translation>补库存</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>采购数量</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Received / ordered</source>
        <translation>已到 / 订购</translation>
    </message>
    <message>
        <source>Scans count goods in on the receipts page (F6).</source>
        <translation>扫码入库请在入库页（F6）进行。</translation>
    </message>
    <message>
        <source>Purchase orders made: {numbers}.</source>
        <translation>已生成采购订单：{numbers}。</translation>
    </message>
    <message>
        <source>To order: open purchase needs and parts below their reorder point</source>
        <translation>待采购：未满足的采购需求和低于补货点的配件</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P makes one purchase order per supplier from the list above; select an order and press Ctrl+Shift+G to receive goods against it.</source>
        <translation>按 Ctrl+Shift+P 按供应商为上表生成采购订单；选中订单后按 Ctrl+Shift+G 按订单收货。</translation>
    </message>
</context>
<context>
    <name>QCDesk</name>
    <message>
        <source>Self-check (technician)</source>
        <translation>自检（技师）</translation>
    </message>
    <message>
        <source>Team-lead check</source>
        <translation>班组长检验</translation>
    </message>
    <message>
        <source>Final inspection</source>
        <translation>终检</translation>
    </message>
    <message>
        <source>{plate} passed.</source>
        <translation>{plate} 检验合格。</translation>
    </message>
</context>
<context>
    <name>QCDeskPage</name>
    <message>
        <source>Waiting for</source>
        <translation>待检项目</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺时间</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message numerus="yes">
        <source>%n car(s) waiting for a check</source>
        <translation>
            <numerusform>%n 辆车待检</numerusform>
        </translation>
    </message>
    <message>
        <source>QC sheet {number}</source>
        <translation>质检单 {number}</translation>
    </message>
    <message>
        <source>Pass (F9)</source>
        <translation>合格 (F9)</translation>
    </message>
    <message>
        <source>Fail (Shift+F9)</source>
        <translation>不合格 (Shift+F9)</translation>
    </message>
    <message>
        <source>QC sheet (Ctrl+P)</source>
        <translation>质检单 (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Scan the job card, or type a plate, work order or invoice number, then Enter</source>
        <translation>扫描派工单，或输入车牌号、工单号或发票号后按回车</translation>
    </message>
    <message>
        <source>Waiting for payment and outstanding balances, newest first (Down moves into the list, Enter opens)</source>
        <translation>待收款和有欠款的工单，最新的在前（按下方向键进入列表，回车打开）</translation>
    </message>
</context>
<context>
    <name>QuickOpen</name>
    <message>
        <source>Quick open</source>
        <translation>快速打开</translation>
    </message>
    <message>
        <source>Plate, VIN tail, phone, name, work order or invoice number</source>
        <translation>车牌号、VIN 后几位、电话、姓名、工单号或发票号</translation>
    </message>
    <message>
        <source>Enter opens the first match; Down to choose another.</source>
        <translation>回车打开第一条结果；按下方向键选择其他结果。</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>{code} {name}: {qty} on the receipt.</source>
        <translation>{code} {name}：入库单上 {qty} 件。</translation>
    </message>
    <message>
        <source>Receipt booked: {count} lines, {total}; {needs} purchase needs met and held for their orders.</source>
        <translation>已入库：{count} 行，{total}；满足 {needs} 个采购需求，并已为其工单预留。</translation>
    </message>
    <message>
        <source>Received against {number}: the order is {status}.</source>
        <translation>已按 {number} 收货：订单状态为{status}。</translation>
    </message>
    <message>
        <source>Receiving against purchase order {number}: scan what came; lines left at 0 stay on the order.</source>
        <translation>正在按采购订单 {number} 收货：请扫描到货配件；数量为 0 的行仍留在订单上。</translation>
    </message>
    <message>
        <source>{count} lines, about {total}. F9 books the receipt.</source>
        <translation>共 {count} 行，约 {total}。按 F9 确认入库。</translation>
    </message>
    <message>
        <source>&amp;Supplier:</source>
        <translation>供应商(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Warehouse:</source>
        <translation>仓库(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>入库方式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Delivery note:</source>
        <translation>送货单号(&amp;D)：</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>待到货</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund: money back by the methods it was paid</source>
        <translation>退款：按原付款方式退回</translation>
    </message>
    <message>
        <source>Credit note (红字冲销): lower the bill, new invoice</source>
        <translation>红字冲销：减少应收金额，重开发票</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Refund or credit note</source>
        <translation>退款或红字冲销</translation>
    </message>
    <message>
        <source>only above the store&apos;s refund limit</source>
        <translation>仅超过本店退款限额时需要</translation>
    </message>
    <message>
        <source>{number}: {amount} done; the slip is in the preview.</source>
        <translation>{number}：{amount} 已办理；单据已在预览中。</translation>
    </message>
</context>
<context>
    <name>RemindDialog</name>
    <message>
        <source>Reminder call: {plate}</source>
        <translation>预约提醒：{plate}</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>App message</source>
        <translation>App 消息</translation>
    </message>
    <message>
        <source>Confirmed, will come on time</source>
        <translation>已确认，按时到店</translation>
    </message>
    <message>
        <source>Will come, but later</source>
        <translation>会来，但会晚到</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <source>Reminder call for {number} recorded.</source>
        <translation>预约 {number} 的提醒电话已记录。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written...</source>
        <translation>
            <numerusform>已写入 %n 行...</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>%n 行已保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Work orders with their lines</source>
        <translation>工单及明细</translation>
    </message>
    <message>
        <source>Parts and stock</source>
        <translation>配件与库存</translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation>出入库流水</translation>
    </message>
    <message>
        <source>Settlements with payments</source>
        <translation>结算及收款明细</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>KPI workbook (with charts)</source>
        <translation>KPI 报表(含图表)</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>进度：</translation>
    </message>
    <message>
        <source>&amp;Whole history</source>
        <translation>全部历史(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;Export (F9)</source>
        <translation>导出(&amp;E)(F9)</translation>
    </message>
    <message>
        <source>&amp;Cancel (Esc)</source>
        <translation>取消(&amp;C)(Esc)</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve complaint {number}</source>
        <translation>处理投诉 {number}</translation>
    </message>
    <message>
        <source>Root &amp;cause</source>
        <translation>根本原因(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation>处理结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Prevention note</source>
        <translation>预防措施(&amp;P)</translation>
    </message>
    <message>
        <source>Complaint {number} resolved; make the closing call.</source>
        <translation>投诉 {number} 已处理，请进行结案回访。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return to the counter</source>
        <translation>退料</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Returned to stock: {part}.</source>
        <translation>已退回库存：{part}。</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>&amp;Value:</source>
        <translation>数值(&amp;V)：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Searching...</source>
        <translation>正在查找...</translation>
    </message>
    <message>
        <source>No customer, vehicle or work order matches “{text}”.</source>
        <translation>没有与“{text}”匹配的客户、车辆或工单。</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), scroll down for more</source>
        <translation>
            <numerusform>找到 %n 条，向下滚动查看更多</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s); Enter opens the vehicle file</source>
        <translation>
            <numerusform>找到 %n 条；回车打开车辆档案</numerusform>
        </translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>查找失败。</translation>
    </message>
    <message>
        <source>Type part of a plate, VIN, phone number, name or a work-order or invoice number.</source>
        <translation>输入车牌号、VIN 码、电话、姓名的一部分，或工单号、发票号。</translation>
    </message>
    <message>
        <source>Plate, VIN, phone, name, work order or invoice number</source>
        <translation>车牌号、VIN 码、电话、姓名、工单号或发票号</translation>
    </message>
    <message>
        <source>Searches as you type. Enter opens the vehicle file; Down moves into the results.</source>
        <translation>边输入边查找。回车打开车辆档案；按下方向键进入结果列表。</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <source>Self-check: {number} {plate}</source>
        <translation>自检：{number} {plate}</translation>
    </message>
    <message>
        <source>Every job on the order is done as written</source>
        <translation>工单上的所有项目均已按要求完成</translation>
    </message>
    <message>
        <source>Parts fitted, bolts torqued to specification</source>
        <translation>配件已装好，螺栓按规定扭矩紧固</translation>
    </message>
    <message>
        <source>Fluids topped up, no leaks</source>
        <translation>油液已加注，无渗漏</translation>
    </message>
    <message>
        <source>No tools, rags or covers left in or on the car</source>
        <translation>车内车上无遗留工具、抹布、护套</translation>
    </message>
    <message>
        <source>Warning lights off; road test done where needed</source>
        <translation>故障灯已熄灭；需要时已路试</translation>
    </message>
    <message>
        <source>&amp;All checked</source>
        <translation>全部确认(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Self-check passed: the car is waiting for QC.</source>
        <translation>自检通过：车辆等待质检。</translation>
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
        <source>There is no font file {path}. Choose one with Browse..., or leave the field empty.</source>
        <translation>字体文件 {path} 不存在。请用“浏览...”选择一个字体文件，或将此栏留空。</translation>
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
        <source>Automatic (WenQuanYi Micro Hei, Microsoft YaHei...)</source>
        <translation>自动（文泉驿微米黑、微软雅黑等）</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>The language changes when you press OK; a few texts, and the font, change at the next start.</source>
        <translation>按“确定”后立即切换语言；个别文字和字体在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>SettlementPage</name>
    <message>
        <source>Labour receivable</source>
        <translation>应收工时费</translation>
    </message>
    <message>
        <source>Labour net</source>
        <translation>实收工时费</translation>
    </message>
    <message>
        <source>Material receivable</source>
        <translation>应收材料费</translation>
    </message>
    <message>
        <source>Material net</source>
        <translation>实收材料费</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Paid by {payer}</source>
        <translation>{payer}承担</translation>
    </message>
    <message>
        <source>Customer pays</source>
        <translation>客户应付</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收金额</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>欠收金额</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Add payment (Ins)</source>
        <translation>添加付款 (Ins)</translation>
    </message>
    <message>
        <source>Slip</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source>A4 settlement slip</source>
        <translation>A4 结算单</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>80 mm 小票</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>已收款记录</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>已重开</translation>
    </message>
    <message>
        <source>invoice {number}</source>
        <translation>发票 {number}</translation>
    </message>
    <message>
        <source>gate pass {number}</source>
        <translation>出门证 {number}</translation>
    </message>
    <message>
        <source>credit approved</source>
        <translation>已批准挂账</translation>
    </message>
    <message>
        <source>Customer pays in words: RMB {capitals}</source>
        <translation>客户应付（大写）：人民币 {capitals}</translation>
    </message>
    <message>
        <source>Member card {card} ({tier}): stored value {balance}, {points} points</source>
        <translation>会员卡 {card}（{tier}）：储值余额 {balance}，积分 {points}</translation>
    </message>
    <message>
        <source>No member card</source>
        <translation>无会员卡</translation>
    </message>
    <message>
        <source>Settle and print (F9)</source>
        <translation>结算并打印 (F9)</translation>
    </message>
    <message>
        <source>Take payment and print (F9)</source>
        <translation>收款并打印 (F9)</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Customer signs the check-in sheet: {number}</source>
        <translation>客户签接车单：{number}</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <source>Signed: the signature is kept with the order and printed on the sheet.</source>
        <translation>已签名：签名随工单保存，并打印在接车单上。</translation>
    </message>
</context>
<context>
    <name>StandardTimesPage</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Labour operation</source>
        <translation>维修项目</translation>
    </message>
    <message>
        <source>Book hours</source>
        <translation>标准工时</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业数</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>80th percentile</source>
        <translation>80%分位数</translation>
    </message>
    <message>
        <source>New standard hours adopted for %1; the next estimates take them.</source>
        <translation>%1 已采用新标准工时，之后的估价单将使用它。</translation>
    </message>
    <message>
        <source>&amp;Last jobs per operation:</source>
        <translation>每个项目取最近作业数(&amp;L)：</translation>
    </message>
    <message>
        <source>Adopt the &amp;median (Ctrl+Enter)</source>
        <translation>采用中位数(&amp;M)(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Adopt the &amp;80th percentile</source>
        <translation>采用80%分位数(&amp;8)</translation>
    </message>
    <message>
        <source>Clocked hours of completed jobs; jobs of reworked orders and outliers are left out. A median a fifth or more away from the book time is red.</source>
        <translation>依据已完工作业的打卡工时；返工工单的作业和异常值不计入。中位数与标准工时相差两成以上时以红色显示。</translation>
    </message>
</context>
<context>
    <name>StocktakePage</name>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>账面数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <source>Stocktake {number} started: its bins are locked. Scan the shelf.</source>
        <translation>盘点单 {number} 已开始：库位已锁定。请扫描货架。</translation>
    </message>
    <message>
        <source>(choose a count in progress)</source>
        <translation>（选择进行中的盘点）</translation>
    </message>
    <message>
        <source>Start or choose a stocktake first.</source>
        <translation>请先开始或选择一张盘点单。</translation>
    </message>
    <message>
        <source>Select a line of the sheet first.</source>
        <translation>请先选择盘点单的一行。</translation>
    </message>
    <message>
        <source>{code} {name}: {counted} counted (book {book}).</source>
        <translation>{code} {name}：实盘 {counted}（账面 {book}）。</translation>
    </message>
    <message>
        <source>No stocktake open. Choose one in progress, or a warehouse (and bins, or none for all) and Start.</source>
        <translation>没有打开的盘点单。请选择进行中的盘点，或选择仓库（及库位，不填则全部）后点“开始”。</translation>
    </message>
    <message>
        <source>{number} · {warehouse} · {status} · bins locked: {bins} · {count} lines, {uncounted} not counted · gain {gain}, loss {loss}</source>
        <translation>{number} · {warehouse} · {status} · 锁定库位：{bins} · 共 {count} 行，{uncounted} 行未盘 · 盘盈 {gain}，盘亏 {loss}</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>盘点单(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Warehouse:</source>
        <translation>仓库(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Bins:</source>
        <translation>库位(&amp;B)：</translation>
    </message>
    <message>
        <source>e.g. A-01-01, A-01-02 (empty: every bin)</source>
        <translation>例如 A-01-01, A-01-02（不填：全部库位）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>&amp;Differences only</source>
        <translation>只看差异(&amp;D)</translation>
    </message>
    <message>
        <source>T&amp;yped count:</source>
        <translation>手工录入数量(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>The store: %1</source>
        <translation>门店：%1</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Telephone:</source>
        <translation>电话(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG or JPEG):</source>
        <translation>标志(&amp;L)（PNG 或 JPEG）：</translation>
    </message>
    <message>
        <source>18 characters, as on the business licence</source>
        <translation>18 位，与营业执照一致</translation>
    </message>
    <message>
        <source>Invoice details (the seller on the settlement slip)</source>
        <translation>开票信息（结算单上的销售方）</translation>
    </message>
    <message>
        <source>Invoice h&amp;eader (name):</source>
        <translation>发票抬头(&amp;E)（名称）：</translation>
    </message>
    <message>
        <source>Ta&amp;xpayer ID:</source>
        <translation>纳税人识别号(&amp;X)：</translation>
    </message>
    <message>
        <source>Address and &amp;phone:</source>
        <translation>地址、电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Ban&amp;k and account:</source>
        <translation>开户行及账号(&amp;K)：</translation>
    </message>
    <message>
        <source>The store&apos;s logo</source>
        <translation>门店标志</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The store&apos;s details are saved; the next documents print them.</source>
        <translation>门店信息已保存；之后打印的单据将使用新信息。</translation>
    </message>
</context>
<context>
    <name>TVBoard</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另有 %n 张未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} / {pages} 页</translation>
    </message>
    <message>
        <source>Workshop board</source>
        <translation>车间看板</translation>
    </message>
</context>
<context>
    <name>TechWords</name>
    <message>
        <source>To do</source>
        <translation>待做</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <source>No parts</source>
        <translation>无配件</translation>
    </message>
    <message>
        <source>All issued</source>
        <translation>已全部发料</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待发料</translation>
    </message>
    <message>
        <source>waiting for parts</source>
        <translation>等待配件</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>等待客户确认</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>在架</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>已借出</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏待修</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>保养维修中</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>机修</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>电器</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>钣金</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>喷漆</translation>
    </message>
</context>
<context>
    <name>TechnicianJobs</name>
    <message>
        <source>(asked)</source>
        <translation>（已要料）</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>维修项目</translation>
    </message>
    <message>
        <source>Job state</source>
        <translation>项目状态</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>车辆状态</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺交车</translation>
    </message>
    <message>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>{number} · {plate} · {job}</source>
        <translation>{number} · {plate} · {job}</translation>
    </message>
    <message>
        <source>you are clocked on</source>
        <translation>您正在上工</translation>
    </message>
    <message>
        <source>No jobs are dispatched to you.</source>
        <translation>目前没有派给您的工作。</translation>
    </message>
</context>
<context>
    <name>TechnicianTerminal</name>
    <message>
        <source>Technician terminal</source>
        <translation>技师终端</translation>
    </message>
    <message>
        <source>Select a job first.</source>
        <translation>请先选择一个项目。</translation>
    </message>
    <message>
        <source>Clocked on {job} ({plate}).</source>
        <translation>已上工：{job}（{plate}）。</translation>
    </message>
    <message>
        <source>{job} is done; clocked off.</source>
        <translation>{job} 已完工，已下工。</translation>
    </message>
    <message>
        <source>Clocked off {job}.</source>
        <translation>已下工：{job}。</translation>
    </message>
    <message>
        <source>{number} paused: {reason}.</source>
        <translation>{number} 已暂停：{reason}。</translation>
    </message>
    <message>
        <source>{number} resumed.</source>
        <translation>{number} 已恢复维修。</translation>
    </message>
    <message>
        <source>The counter is asked for the parts of {number}.</source>
        <translation>已通知配件前台为 {number} 备料。</translation>
    </message>
    <message>
        <source>Select a tool first.</source>
        <translation>请先选择一件工具。</translation>
    </message>
    <message>
        <source>{code} is back on the shelf.</source>
        <translation>{code} 已放回工具架。</translation>
    </message>
</context>
<context>
    <name>TechnicianTools</name>
    <message>
        <source>Overdue</source>
        <translation>逾期未还</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Out since</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养维修</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note / damage</source>
        <translation>备注 / 损坏情况</translation>
    </message>
    <message>
        <source>History of {code} {name}</source>
        <translation>{code} {name} 的记录</translation>
    </message>
    <message>
        <source>Tool code or name</source>
        <translation>工具编号或名称</translation>
    </message>
    <message>
        <source>O&amp;verdue only</source>
        <translation>仅显示逾期(&amp;V)</translation>
    </message>
</context>
<context>
    <name>TransferBox</name>
    <message>
        <source>Code</source>
        <translation>配件编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>配件名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>From bin</source>
        <translation>调出库位</translation>
    </message>
    <message>
        <source>To bin</source>
        <translation>调入库位</translation>
    </message>
    <message>
        <source>{from_store} {from_warehouse} {from_name} → {to_store} {to_warehouse} {to_name}
Sent {when} by {who}; {status}.</source>
        <translation>{from_store} {from_warehouse} {from_name} → {to_store} {to_warehouse} {to_name}
{who} 于 {when} 发出；{status}。</translation>
    </message>
    <message>
        <source>Booked in {when} by {who}.</source>
        <translation>{who} 于 {when} 入库。</translation>
    </message>
    <message>
        <source>Ctrl+Shift+G books it in; Ctrl+P prints its note.</source>
        <translation>按 Ctrl+Shift+G 入库；按 Ctrl+P 打印调拨单。</translation>
    </message>
    <message>
        <source>Ctrl+P prints its note.</source>
        <translation>按 Ctrl+P 打印调拨单。</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>Scan a transfer note (or select a transfer in the list) to see it here.</source>
        <translation>扫描调拨单条码（或在列表中选中一张调拨单），在此查看。</translation>
    </message>
    <message>
        <source>Transfer {number}</source>
        <translation>调拨单 {number}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>用户名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Shown as:</source>
        <translation>显示名称(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>班组(&amp;T)：</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>User %1 saved.</source>
        <translation>用户 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <source>&amp;VIN</source>
        <translation>VIN 码(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Plate</source>
        <translation>车牌号(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation>品牌(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation>车系(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Model code</source>
        <translation>车型代码(&amp;M)</translation>
    </message>
    <message>
        <source>Model &amp;year</source>
        <translation>年款(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Engine no.</source>
        <translation>发动机号(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Fuel type</source>
        <translation>燃油类型(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Transmission</source>
        <translation>变速箱(&amp;T)</translation>
    </message>
    <message>
        <source>P&amp;urchase date</source>
        <translation>购车日期(&amp;U)</translation>
    </message>
    <message>
        <source>Mileage &amp;today</source>
        <translation>当前里程(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Insurer</source>
        <translation>保险公司(&amp;I)</translation>
    </message>
    <message>
        <source>Insurance e&amp;xpiry</source>
        <translation>保险到期日(&amp;X)</translation>
    </message>
    <message>
        <source>Edit vehicle</source>
        <translation>编辑车辆</translation>
    </message>
    <message>
        <source>New vehicle</source>
        <translation>新建车辆</translation>
    </message>
    <message>
        <source>Vehicle {label} saved.</source>
        <translation>车辆 {label} 已保存。</translation>
    </message>
    <message>
        <source>VIN warning overridden and recorded.</source>
        <translation>已确认 VIN 警告并记录。</translation>
    </message>
</context>
<context>
    <name>VehicleFilePage</name>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺交车</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>客户描述</translation>
    </message>
    <message>
        <source>Declined work</source>
        <translation>未做项目</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>提出于</translation>
    </message>
    <message>
        <source>Campaign / recall</source>
        <translation>服务活动 / 召回</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>作业内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>{number} · {when} · {name}</source>
        <translation>{number} · {when} · {name}</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>未做</translation>
    </message>
    <message>
        <source>(no plate)</source>
        <translation>（未上牌）</translation>
    </message>
    <message>
        <source>{model} · VIN {vin} · {mileage} on {day}</source>
        <translation>{model} · VIN {vin} · {day} 里程 {mileage}</translation>
    </message>
    <message>
        <source>{tier} member · balance {balance} · {points} points</source>
        <translation>{tier}会员 · 余额 {balance} · 积分 {points}</translation>
    </message>
    <message>
        <source>not a member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>insurance {insurer} until {day}</source>
        <translation>保险：{insurer}，{day} 到期</translation>
    </message>
    <message>
        <source>no insurance on file</source>
        <translation>无保险记录</translation>
    </message>
    <message>
        <source>No maintenance plan.</source>
        <translation>无保养计划。</translation>
    </message>
    <message>
        <source>by mileage</source>
        <translation>按里程</translation>
    </message>
    <message>
        <source>by date</source>
        <translation>按日期</translation>
    </message>
    <message>
        <source>{km} km a day</source>
        <translation>日均 {km} 公里</translation>
    </message>
    <message>
        <source>pace unknown</source>
        <translation>行驶速度未知</translation>
    </message>
    <message>
        <source>Next: &lt;b&gt;{package}&lt;/b&gt; due {due} ({basis})&lt;br&gt;plan: {date} or {mileage}&lt;br&gt;{pace}</source>
        <translation>下次：&lt;b&gt;{package}&lt;/b&gt;，{due} 到期（{basis}）&lt;br&gt;计划：{date} 或 {mileage}&lt;br&gt;{pace}</translation>
    </message>
    <message>
        <source>Open work orders</source>
        <translation>在修工单</translation>
    </message>
    <message>
        <source>Service history</source>
        <translation>维修历史</translation>
    </message>
    <message>
        <source>Declined work (select, then Ctrl+D)</source>
        <translation>未做项目（选中后按 Ctrl+D）</translation>
    </message>
    <message>
        <source>Campaigns and recalls</source>
        <translation>服务活动与召回</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Check-in photos (Enter opens)</source>
        <translation>接车照片（回车查看大图）</translation>
    </message>
    <message>
        <source>Date / line</source>
        <translation>日期 / 项目</translation>
    </message>
    <message>
        <source>Mileage / qty</source>
        <translation>里程 / 数量</translation>
    </message>
    <message>
        <source>Type / amount</source>
        <translation>类型 / 金额</translation>
    </message>
    <message>
        <source>State / payer</source>
        <translation>状态 / 付费方</translation>
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
<context>
    <name>WalkAround</name>
    <message>
        <source>Where</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Damage</source>
        <translation>损伤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Click where the damage is; right-click a mark to remove it.</source>
        <translation>在损伤位置单击；右键单击标记可删除。</translation>
    </message>
</context>
<context>
    <name>Walkaround</name>
    <message>
        <source>Scratch</source>
        <translation>划痕</translation>
    </message>
    <message>
        <source>Dent</source>
        <translation>凹陷</translation>
    </message>
    <message>
        <source>Crack</source>
        <translation>裂纹</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>front bumper</source>
        <translation>前保险杠</translation>
    </message>
    <message>
        <source>hood</source>
        <translation>发动机盖</translation>
    </message>
    <message>
        <source>windscreen</source>
        <translation>前挡风玻璃</translation>
    </message>
    <message>
        <source>roof</source>
        <translation>车顶</translation>
    </message>
    <message>
        <source>rear window</source>
        <translation>后挡风玻璃</translation>
    </message>
    <message>
        <source>boot lid</source>
        <translation>行李箱盖</translation>
    </message>
    <message>
        <source>rear bumper</source>
        <translation>后保险杠</translation>
    </message>
    <message>
        <source>left front wing</source>
        <translation>左前翼子板</translation>
    </message>
    <message>
        <source>left front door</source>
        <translation>左前门</translation>
    </message>
    <message>
        <source>left rear door</source>
        <translation>左后门</translation>
    </message>
    <message>
        <source>left rear wing</source>
        <translation>左后翼子板</translation>
    </message>
    <message>
        <source>right front wing</source>
        <translation>右前翼子板</translation>
    </message>
    <message>
        <source>right front door</source>
        <translation>右前门</translation>
    </message>
    <message>
        <source>right rear door</source>
        <translation>右后门</translation>
    </message>
    <message>
        <source>right rear wing</source>
        <translation>右后翼子板</translation>
    </message>
    <message>
        <source>left mirror</source>
        <translation>左后视镜</translation>
    </message>
    <message>
        <source>right mirror</source>
        <translation>右后视镜</translation>
    </message>
    <message>
        <source>left front wheel</source>
        <translation>左前轮</translation>
    </message>
    <message>
        <source>right front wheel</source>
        <translation>右前轮</translation>
    </message>
    <message>
        <source>left rear wheel</source>
        <translation>左后轮</translation>
    </message>
    <message>
        <source>right rear wheel</source>
        <translation>右后轮</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>General repair</source>
        <translation>一般维修</translation>
    </message>
    <message>
        <source>Body and paint</source>
        <translation>钣金喷漆</translation>
    </message>
    <message>
        <source>Warranty claim</source>
        <translation>索赔</translation>
    </message>
    <message>
        <source>Insurance claim</source>
        <translation>保险理赔</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>厂家索赔</translation>
    </message>
    <message>
        <source>Too expensive</source>
        <translation>价格太高</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次再做</translation>
    </message>
    <message>
        <source>Has it done elsewhere</source>
        <translation>去别处做</translation>
    </message>
    <message>
        <source>Does not see the need</source>
        <translation>认为没必要</translation>
    </message>
    <message>
        <source>No time today</source>
        <translation>今天没时间</translation>
    </message>
    <message>
        <source>Other (say why)</source>
        <translation>其他（请说明）</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
</context>
<context>
    <name>WorkshopBoard</name>
    <message>
        <source>Workshop board</source>
        <translation>车间看板</translation>
    </message>
</context>
</TS>
