ROWS = [
    ('boss_payroll_instruction', 'chat', '@小林 这个月工资还是15号发，绩效表我已经在钉钉审批里过了，你按审批结果做表，我今晚在网银上授权。'),  # hard
    ('boss_payroll_instruction', 'chat', '小林，老张18号离职，工资结到17号，加上三天未休年假工资，按劳动合同算，做好发我看一眼再走代发。'),  # hard
    ('boss_payroll_instruction', 'chat', '各位，端午节前一天发工资，财务提前一天把代发文件传好，我和刘总两级审批。'),  # hard
    ('boss_payroll_instruction', 'chat', '@会计 仓库两个临时工的工钱按考勤表算，每人每天260，在钉钉走“劳务费支付”流程，发票找劳务公司开。'),  # hard
    ('boss_payroll_instruction', 'statement', '关于工资发放的说明：本公司工资统一于每月15日通过对公账户代发至员工本人一类银行卡，遇节假日提前发放。工资卡如需变更，须本人填写《工资卡变更申请表》并附新卡复印件，经部门负责人签字后交财务室，财务不接受代领，也不会因任何人在微信、QQ上的要求更改员工收款账号。如对工资有疑问，请当面或电话联系财务部。——行政人事部'),
    ('boss_reimbursement_approval', 'chat', '【钉钉】报销审批通知：吴晓敏提交的“3月上海出差差旅费”2,316.50元，已由部门负责人、总经理审批通过，待财务付款。'),
    ('boss_reimbursement_approval', 'chat', '小陈，上周展会那几个人的费用发票齐了就走报销流程，我批了，你直接打到他们各自的工资卡。'),  # hard
    ('boss_reimbursement_approval', 'chat', '【企业微信】你的报销单BX20250412已被财务退回，原因：餐饮发票抬头错误，请重新开票后提交。'),
    ('boss_reimbursement_approval', 'chat', '大家报销发票一律要数电票，抬头税号看群公告，别再拿收据来了，财务不收。'),
    ('boss_reimbursement_approval', 'chat', '李经理，你那笔招待费超标准了，老板审批意见写的是“按标准报”，超出的320要自己承担哦。'),
    ('boss_supplier_payment_contract', 'chat', '刚才会上说的，按合同第二期付鸿泰模具30%，走OA付款申请，附合同和验收单，我来审批。'),  # hard
    ('boss_supplier_payment_contract', 'chat', '刘会计，恒达钢材这批货验收单我签了，按合同月结60天，下月25号付，账号用合同上那个，别用其他渠道发来的。'),  # hard
    ('boss_supplier_payment_contract', 'chat', '【钉钉】付款申请单FK-2025-0316：收款方佛山市锦川陶瓷有限公司，金额86,400.00元，附采购合同及入库单，审批状态：已同意（3/3）。'),  # hard
    ('boss_supplier_payment_contract', 'dialogue', '会计：“王总，明德包装的尾款该付了，OA里我提了。”王总：“我手机上批了，按合同账户付，付完回单发群里。”'),  # hard
    ('boss_supplier_payment_contract', 'chat', '下午我在外面开会，今天没走完审批的款一律不付，谁打电话说我让转钱的，先打我手机确认。'),  # hard
    ('boss_supplier_payment_contract', 'chat', '老板，华盛电子30%预付款合同写的是签约后5个工作日内付，OA流程已经到您这儿了，您看一下。'),  # hard
    ('colleague_work_chat', 'chat', '小敏，公章我借去盖合同，登记了，四点前还。'),
    ('colleague_work_chat', 'chat', '出纳姐姐，今天银行回单柜坏了，对账单明天我去柜台打，你先别急着做凭证。'),
    ('colleague_work_chat', 'chat', '@全体成员 明天上午九点盘点仓库，财务和仓管各出一个人，盘点表我今晚发群里。'),
    ('colleague_work_chat', 'chat', '王姐，税务局那条短信我也收到了，就是提醒申报的，我们这个月已经报完了，不用管。'),  # hard
    ('colleague_work_chat', 'chat', '小何，客户打电话说送货地址改到新仓库，我让他们先发盖章的变更函，收到再改系统。'),  # hard
    ('supplier_price_change', 'email', '尊敬的客户：因铜价持续上涨，我司自6月1日起电源线产品单价上调约6%，新报价单见附件（已盖公章），5月31日前下的订单仍按原价执行。——翔宇线缆销售部'),  # hard
    ('supplier_price_change', 'chat', '陈经理，纸箱下个月起每个涨0.15，原纸涨太多了，调价函我们老板签字盖章了，明天快递给您。'),  # hard
    ('supplier_price_change', 'call', '（供应商老板来电）老刘啊，我是做茶叶包装的老郑，跟你说一声，今年铁罐要涨一点，报价让小妹发你邮箱，有问题直接打我电话。'),
    ('supplier_price_change', 'chat', '徐总，大豆油这周批发价降了，每桶比上周便宜8块，你们下周要货按新价开单。'),
    ('supplier_price_change', 'chat', '我们厂面粉这个月起换成25公斤装，按公斤算价格不变，送货单上会写清楚，发票照常开。'),
    ('supplier_new_account_verified', 'chat', '刘会计，我是鑫隆五金的小方，我们公司下个月起收款账户换成招行新开的基本户，变更函原件和盖章开户证明已经寄给您了，您可以打我们公司座机核实。'),  # hard
    ('supplier_new_account_verified', 'chat', '说一下：鑫隆五金账户变更，我上午打了合同上的座机，跟他们财务主管确认过了，盖章函也收到了，OA里供应商信息已更新。'),  # hard
    ('supplier_new_account_verified', 'email', '关于我司银行账户变更的告知函（加盖公章扫描件见附件）。原账户保留至9月30日，之后请付至新账户。如需核实请致电我司财务部固话或联系对接销售。'),  # hard
    ('supplier_new_account_verified', 'chat', '鑫隆换账户那个事，别光看邮件，等原件到了、电话也确认了再改，改完第一笔先付个小额试一下。'),  # hard
    ('supplier_new_account_verified', 'dialogue', '出纳：“对方说账户变了，我按您说的打了合同上的电话。”财务经理：“怎么说？”出纳：“财务主管亲口确认了，盖章函明天到。”'),  # hard
    ('customer_order', 'sms', '老板，我是上次买沙发的李姐，我们店里还要6把同款椅子，浅灰色，下周能送吗？'),
    ('customer_order', 'chat', '王经理，下个月订单确认一下：A款不锈钢锅2000个、B款1200个，交期6月20日，合同我盖章后传你。'),
    ('customer_order', 'chat', '你好，我们要订50份员工午餐，下周一到周五每天11点半送到，发票开公司抬头。'),
    ('customer_order', 'sms', '你好，上次说的那批工作服尺码表发你邮箱了，一共86套，麻烦出个报价，含税含运费。'),
    ('customer_order', 'chat', '老板在不，明天婚宴要的100份喜糖盒还是按样品做，上午十点前送到酒店就行。'),
    ('customer_deposit', 'chat', '张老板，橱柜定金3000我刚从公司账户转了，用途写的“橱柜定金”，你看下到没到，合同我拍给你了。'),  # hard
    ('customer_deposit', 'chat', '你好，按合同先付30%预付款，我们财务今天走审批，明天能付，收到后麻烦开个收据。'),  # hard
    ('customer_deposit', 'sms', '李先生您好，您预订宴会厅的定金2,000元已收到，收据和合同原件放在前台，如需改日期请提前一周告知。'),
    ('customer_deposit', 'sms', '姐，定金我先付500吧，剩下的等货到验完再结，你看行不？'),
    ('customer_refund', 'chat', '老板你好，我前天买的两箱牛奶有一箱过期了，能退吗？小票还在。'),
    ('customer_refund', 'chat', '已经给您原路退回了，微信支付一般1到3个工作日到账，您留意一下零钱或银行卡。'),  # hard
    ('customer_refund', 'chat', '你们那批货少了20件，我们在电子税务局提了红字发票确认，麻烦你们会计确认一下，少的那部分款从下批货里扣。'),  # hard
    ('customer_refund', 'sms', '您好，您在本店预订的生日蛋糕已取消，198元已原路退还，给您添麻烦了。——糖心烘焙'),
    ('customer_refund', 'call', '（顾客来电）喂，我昨天在你们店买的电饭煲按键不灵，能换一个吗？发票我还留着。'),
    ('reconciliation_statement', 'chat', '孙会计，1-3月对账单发你邮箱了，你们应付我们合计127,450元，核对无误请盖章回传。'),  # hard
    ('reconciliation_statement', 'chat', '对账单我核了，第三页12号那张送货单重复了，多算了2,380，你们改一下重新发我。'),
    ('reconciliation_statement', 'email', '附件为2025年第一季度往来对账函，请贵司财务核对后在回执处盖章寄回，如有差异请列明明细。'),
    ('reconciliation_statement', 'chat', '刘姐，你们上个月的款我们这边显示付了两次，麻烦查一下流水，确实多付的话下次货款直接抵扣。'),  # hard
    ('reconciliation_statement', 'chat', '小唐，跟飞达物流的运费对账做好了吗？他们说差了3票，我看是退回件，你把签收记录找出来。'),
    ('customer_double_payment', 'chat', '老板你好，我是昨天订花篮的，刚才扫码付了两次680，能退一笔吗？截图发你了。'),  # hard
    ('customer_double_payment', 'chat', '王会计你好，我们出纳操作失误，1号那笔货款8,600重复付了一次，回单发你了，麻烦核实后原路退回我们公司账户。'),  # hard
    ('customer_double_payment', 'chat', '查到了，你确实付了两次，我已经在收款码后台退了一笔，原路退回，你看下到账没有。'),  # hard
    ('customer_double_payment', 'dialogue', '客户：“我上周给你们转了两次运费。”会计：“查了流水，是有两笔一样的，今天按原账户退你一笔，你不用提供别的信息。”'),  # hard
    ('staff_leave_request', 'sms', '店长，我奶奶住院了，想请周三周四两天假，排班我跟小雨换好了，她同意了。'),
    ('staff_leave_request', 'chat', '【钉钉】请假审批：何佳佳申请年假3天（5月6日-5月8日），已由部门主管审批通过。'),
    ('staff_leave_request', 'chat', '主管你好，我下个月要产检，想问一下产检假怎么请，要带什么证明？'),
    ('staff_leave_request', 'sms', '王姐，明天我孩子开家长会，上午能晚两个小时来吗？中午我顶一下别人的班。'),
    ('staff_leave_request', 'sms', '李总，我发烧38度5，今天请假一天，手上的报价单已经发给小赵了，有事打我电话。'),
    ('staff_pay_question', 'chat', '财务姐姐，我这个月工资怎么少了三百多？是不是个税专项扣除没填？'),
    ('staff_pay_question', 'chat', '请问加班费是按小时算还是按天算？我上个月周末加了两天，工资条上没看到。'),
    ('staff_pay_question', 'chat', '会计你好，我换了工资卡，新卡是本人的工行一类卡，变更申请表和复印件明天交到财务室，需要我签字吗？'),  # hard
    ('staff_pay_question', 'chat', '我今年社保基数是按多少交的啊？想算一下公积金贷款能贷多少。'),
    ('staff_pay_question', 'call', '（员工打电话到财务）刘会计，我是门店的小周，这个月提成好像没发，是跟工资一起还是下个月单独发？'),
    ('invoice_request_customer', 'chat', '你好，麻烦开一张专票，抬头和税号我发你了，开户行那些不写也行吧？发到公司财务邮箱。'),
    ('invoice_request_customer', 'chat', '老板，上个月那几单能不能合并开一张普票？金额一共4,860，备注写项目名。'),
    ('invoice_request_customer', 'sms', '王姐您好，发票已开好，数电票已发到您留的邮箱，也可以在电子税务局直接查到。'),
    ('invoice_request_customer', 'chat', '我们公司税号没变过，那应该是你们开票员打错了一位，麻烦红冲后重开一张。'),
    ('invoice_request_customer', 'chat', '发票收到了，金额跟合同差了0.01，是尾差吧？财务说可以入账，不用重开了。'),
    ('delivery_coordination', 'chat', '司机师傅，货到了打仓库老周电话，卸货在2号门，叉车已经安排好了。'),
    ('delivery_coordination', 'sms', '张经理，明天那车货要晚到两小时，高速上堵了，到了先给你打电话。'),
    ('delivery_coordination', 'sms', '您好，您订的冷柜明天上午送货安装，请确认店里有人，师傅会提前半小时联系您。——鼎丰厨具'),
    ('delivery_coordination', 'chat', '快递单号都传群文件了，客户问就查这个。'),
    ('petty_cash_cashier', 'chat', '本周备用金剩420，下周一要补2000。'),
    ('petty_cash_cashier', 'chat', '今天营业款现金12,360，已经存进银行自助机了，存款回单拍照发群里。'),
    ('petty_cash_cashier', 'chat', '小李，明天去银行帮我取回单和对账单，带上回单卡和你的工牌，柜台要登记。'),
    ('petty_cash_cashier', 'statement', '本月现金盘点：账面余额3,286.40元，实存3,286.40元，无差异。盘点人：出纳周芸，监盘人：会计吴琳。'),
    ('new_hire_onboarding', 'chat', '欢迎小郑加入！入职材料：身份证复印件、本人一类银行卡、体检报告，明早九点来三楼人事办公室签合同。'),
    ('new_hire_onboarding', 'chat', '新同事注意：公司所有付款都要走钉钉审批，任何人在微信里让你转账，哪怕是老板头像，都先打电话确认。'),  # hard
    ('new_hire_onboarding', 'chat', '小郑，你的企业邮箱和钉钉账号开好了，初始密码发你手机短信了，登录后记得改掉。'),  # hard
]
