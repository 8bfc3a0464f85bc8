ROWS = [
    ('accountant_verify_question', 'question', '收到一条短信：“【国家税务总局浙江省税务局】本月申报期截止日为15日，请及时申报。咨询12366。”没有链接，应该是真的吧？我们已经报了，还需要管吗？'),  # hard
    ('accountant_verify_question', 'question', '开户行客户经理在企业微信里发了个续贷材料清单，让法人周四去支行面签，没让转钱，我也打支行座机问过了，这种应该没问题吧？'),  # hard
    ('accountant_verify_question', 'question', '代账的同行们，电子税务局提示有一条待确认的红字发票信息，是客户退货申请的，确认之后对我们这边有什么影响？'),  # hard
    ('accountant_verify_question', 'question', '公积金中心打电话说我们单位上个月漏缴，让去网厅补缴，我登录一看确实扣款没成功，直接在网厅补就行吧？'),  # hard
    ('accountant_verify_question', 'question', '银行发短信说对公账户要做年度信息核实，要带营业执照去网点，短信里只留了95533，这个是正常的吧？'),  # hard
    ('accountant_verify_question', 'question', '收到税务局的《税务事项通知书》，让我们10日内去办税厅说明发票异常情况，文书有盖章，电子税务局里也能看到，一般是什么问题？'),  # hard
    ('owner_verify_question', 'question', '开了个小饭馆，美团商家版提示保证金要补交500，是在APP里直接交的，没人给我打过电话，这个应该没问题吧？'),  # hard
    ('owner_verify_question', 'question', '抖店后台说我一个订单“虚假发货”扣了分，我明明发了，是物流揽收晚更新了一天，在后台申诉就行吗？要不要找第三方？'),  # hard
    ('owner_verify_question', 'question', '房东发微信说明年房租交到他儿子卡上，我觉得不对劲，打电话问了房东本人，他说确实是儿子管了，还要跟我们签补充协议，这样可以吗？'),  # hard
    ('owner_verify_question', 'question', '个体户年报是不是在国家企业信用信息公示系统上自己填？今天有人打电话说帮忙代办收300，我没理他。'),  # hard
    ('owner_verify_question', 'question', '支付宝提示我的收款码要补充营业执照，不补会限额，这是官方要求吗？我在支付宝App消息里也看到了同样的提醒。'),  # hard
    ('owner_verify_question', 'question', '供电所的人说我们厂配电房要做安全检查，我打95598问了，客服说确实有检查、不收钱，检查完会留单子，那配合就行了吧？'),  # hard
    ('tax_check_retelling', 'retelling', '上个月税务所打电话说我们进项销项对不上，我一开始以为是骗子，后来打12366查了这个税务所的电话，确实是他们。带账本去说明，原来是一张发票勾选错了月份，写个说明就结了。'),  # hard
    ('tax_check_retelling', 'retelling', '去年我们被抽到“双随机”检查，税务局两个人来公司，出示了检查证和税务检查通知书，查了三天账，最后补了点印花税和滞纳金，都是在电子税务局缴的，没有任何私下转账。'),  # hard
    ('tax_check_retelling', 'retelling', '代账会计说我们公司被系统提示“长期零申报”，其实是新公司还没业务，专管员让写了个情况说明，盖章交上去就没事了。'),  # hard
    ('tax_check_retelling', 'retelling', '那次社保稽核是人社局来的，提前一周寄了书面通知，要看工资表和劳动合同，查出两个人没按实际工资交，补缴完就结束了。'),  # hard
    ('platform_fine_appeal_retelling', 'retelling', '饿了么说我们家有顾客吃出头发，扣了那单的钱，我在商家版里上传了后厨监控截图申诉，三天后判了平台承担，钱又回来了。'),  # hard
    ('platform_fine_appeal_retelling', 'retelling', '拼多多说我有一单延迟发货要赔买家3块钱，确实晚了，就没申诉。另一单是快递揽收信息没更新，我上传了揽收小票，处罚撤销了。'),  # hard
    ('platform_fine_appeal_retelling', 'retelling', '淘宝说我们店一款商品“描述不符”，冻结了一千多货款，我在千牛里上传了厂家的检测报告，一周后解冻，整个过程没跟任何人私聊。'),  # hard
    ('platform_fine_appeal_retelling', 'retelling', '抖店那次罚款是真的，详情页写了个“最”字被判极限词，扣了500保证金，我认了，改完详情页就恢复正常了。'),  # hard
    ('platform_fine_appeal_retelling', 'retelling', '美团的业务经理确实会加老板微信，但他只提醒我们报活动，所有钱都在商家版里走，从来没让我们转过账给他。'),  # hard
    ('supplier_change_verified_retelling', 'retelling', '有个合作了五年的老供应商发邮件说换账户，我没直接改，先翻出合同，打了合同上留的座机，没打邮件里的新号码。接电话的是他们财务主管，说确实是因为原来那家银行网点撤并，换了开户行，户名没变，还是公司本身。第二天盖章的告知函和新的开户证明寄到了，我们在OA里走完供应商信息变更流程才改的，第一笔付款后又打电话确认到账。'),  # hard
    ('supplier_change_verified_retelling', 'retelling', '上周供应商业务员微信说换了新账户，我打给他们老板，老板说是真的，公司搬到新区换了基本户。保险起见第一笔先付了一千，确认到账再付余款。'),  # hard
    ('supplier_change_verified_retelling', 'retelling', '我们规定供应商换账户必须有盖章函原件加电话回访，上个月就按这个流程改了一家，麻烦是麻烦点，但老板很支持。'),  # hard
    ('supplier_change_verified_retelling', 'retelling', '说个真事：面粉厂换了收款户名，因为被集团收购了，三方重新签了协议，对公转对公，整个流程挺清楚的。'),  # hard
    ('supplier_change_verified_retelling', 'retelling', '有家客户说他们换了付款账户，这个倒不用核实，反正是钱进来，但我们还是在对账单上备注了新户名，免得年底对不上。'),
    ('bank_counter_check_retelling', 'retelling', '昨天去柜台给供应商转了二十万，柜员问收款方是谁、有没有合同，我把合同给她看了，她说最近骗子多例行问一下，就办了。'),  # hard
    ('bank_counter_check_retelling', 'retelling', '我们出纳去银行大额取现发年终奖，网点让填了用途登记，还打电话给法人确认，前后半小时，能理解，毕竟是防诈。'),  # hard
    ('bank_counter_check_retelling', 'retelling', '公司基本户给新供应商转了一笔钱，银行客户经理打电话问是不是本人操作，我说是，老板也在旁边确认了，就放行了。'),  # hard
    ('bank_counter_check_retelling', 'retelling', '开户的时候银行说要上门核实经营地址，来了两个穿行服的，看了门头和仓库，拍照签字就走了，没收任何费用。'),  # hard
    ('family_business_chat', 'chat', '妈，今天流水三千二，美团的钱明天结。'),
    ('family_business_chat', 'chat', '老公，房东说下季度租金月底前交，我转到合同上那张卡了，截图发你。'),  # hard
    ('family_business_chat', 'chat', '爸，税务局那条短信是提醒申报的，代账的小王已经报了，不用你跑一趟。'),  # hard
    ('family_business_chat', 'chat', '姐，你面包店要不要一起团购烤箱？厂家说两台以上打九折，我去店里看过样机了。'),
    ('family_business_chat', 'chat', '儿子，银行说咱店执照那个账户要去柜台更新信息，你周六陪我去一趟，身份证都带上。'),  # hard
    ('family_business_chat', 'chat', '舅舅，你店里招收银员的事我问了，我同学愿意做，她下周一去你那儿面试。'),
    ('merchant_group_news', 'chat', '（商户群）各位，明天这条街停电，供电所贴了通知，8点到下午4点，冰柜里的东西提前处理下。'),
    ('merchant_group_news', 'chat', '（商户群）刚去问了，健康证现在可以在社区卫生服务中心办，四十多块钱，一周出证。'),
    ('merchant_group_news', 'chat', '（商户群）饿了么下周有个满减活动，报名在商家版里，我报了，你们自己看，别信私人拉群收费的。'),  # hard
    ('merchant_group_news', 'chat', '（商户群）街道说下周查消防，灭火器过期的自己去买，他们不卖东西，有人上门推销的别买。'),  # hard
    ('merchant_group_news', 'chat', '（商户群）个体户年报别忘了，6月30号截止，在国家企业信用信息公示系统免费报，我刚报完，几分钟的事。'),  # hard
    ('merchant_group_news', 'chat', '（商户群）农商行来街上宣传商户经营贷，年化三点几，得去网点面签，我问过了是真的，有需要的自己去问。'),  # hard
    ('police_warning_boss_impersonation', 'notice', '【反诈提醒】近期辖区多发“冒充老板”类诈骗：骗子通过各种渠道获取企业通讯录，盗用老板头像、昵称添加财务人员微信或QQ，再拉进有“老板”“高管”的新群，以“急需付款”“合同保证金”“老板在开会不便接电话”为由，要求财务向陌生账户转账。请各企业财务人员牢记：收到任何付款指令，务必通过原有电话或当面与老板核实，严格执行审批流程。如遇可疑情况请立即拨打96110或110。'),
    ('police_warning_boss_impersonation', 'notice', '城关派出所提醒辖区企业：骗子常以“老板在开会不方便接电话”为由要求财务向陌生账户转账，请企业建立付款双人复核制度，转账一律以审批流程和当面确认为准。'),
    ('police_warning_boss_impersonation', 'sms', '【反诈中心】提醒：财务人员请注意，任何通过QQ、微信要求紧急转账的“老板”“领导”，均需当面或电话核实，切勿轻信。'),  # hard
    ('police_warning_boss_impersonation', 'retelling', '社区民警来公司给财务上课，讲了个案例：某公司会计被拉进“高管群”，群里“老板”让她给客户转80万保证金，结果全是假的。民警说遇到这种一定要打老板本人电话。'),
    ('police_warning_boss_impersonation', 'retelling', '行政在公司群里转了派出所的通知，说最近有人冒充我们区企业老板加财务微信，让大家凡是付款一律走OA、电话确认，我们老板还专门点了赞。'),
    ('bank_warning_account_change', 'sms', '【工商银行】风险提示：近期有不法分子冒充供应商发送“账户变更”邮件，请贵单位付款前通过原有可靠渠道核实收款账户，谨防诈骗。'),
    ('bank_warning_account_change', 'notice', '网点公告：警惕“变更收款账户”诈骗。骗子入侵邮箱后冒充合作方要求将货款转入新账户，请通过合同预留电话核实，切勿仅凭邮件、微信付款。'),
    ('bank_warning_account_change', 'sms', '【招商银行】温馨提示：您单位本次转账的收款方为首次交易账户，请确认收款信息真实无误，如有疑问请立即停止操作并致电95555。'),  # hard
    ('bank_warning_account_change', 'email', '反诈提示：财务人员请勿将U盾、网银密码、短信验证码交给任何人；本行不会要求企业通过链接更新资料，也不会要求转账至所谓“安全账户”。'),
    ('bank_warning_account_change', 'retelling', '建行客户经理在我们会计群里发了个提醒，说有公司被骗改了付款账户，损失三十多万。老板看了马上定了规矩：所有改账户都要电话回访。'),
    ('ordinary_business_retelling', 'retelling', '今年生意一般，开了第二家店之后先把员工社保都交上了，成本是高了点，但招人容易多了。'),
    ('ordinary_business_retelling', 'retelling', '我们小厂去年接了个外贸单，第一次办出口退税，代账会计带我跑了两趟，退税款直接到了基本户，比想象的简单。'),  # hard
    ('ordinary_business_retelling', 'retelling', '上个月收银机坏了，修了两天，靠手机收款码撑着，每天晚上对一遍账，还好没出错。'),
    ('ordinary_business_retelling', 'retelling', '我们这种小超市最怕年底对账。今年用了进销存软件，供应商对账单一拉就出来，省了不少事。'),
    ('ordinary_business_retelling', 'retelling', '那笔稳岗返还其实根本不用申请，直接打到了公司账户，人社局公众号上能查到公示名单。'),  # hard
    ('staff_verify_boss_retelling', 'retelling', '那天老板在企业微信里让我给包材供应商付尾款，我按规矩打了他电话，他说对，是合同第二期，OA他也批了，我才付的。'),  # hard
    ('staff_verify_boss_retelling', 'retelling', '新来的出纳很谨慎，老板在群里说发年终奖，她还是等钉钉审批走完、当面问了一句才做代发，老板夸她做得对。'),  # hard
    ('staff_verify_boss_retelling', 'retelling', '老板出差前当面交代我周五给房东转房租，还把合同那页拍给我，我按合同账户转的，转完把回单发他了。'),  # hard
    ('staff_verify_boss_retelling', 'retelling', '今天老板来电话让我给一个客户退款，我说按规矩得有退款申请单，他笑着说回来补签。我又打了他办公室座机确认是本人，才先退了。'),  # hard
    ('staff_verify_boss_retelling', 'retelling', '老板说供应商要预付款，我问有没有合同，他把盖章合同发到群里，又在OA上走了流程，第二天我才打款。'),  # hard
    ('customer_payment_verify_question', 'question', '客户说已经对公转账了，发了张回单截图，但我们账户还没到，要等多久？是不是应该等银行入账短信到了再发货？'),  # hard
    ('customer_payment_verify_question', 'question', '有个老客户说多付了一笔货款要退，我查了流水确实有两笔一样的，退回原账户就行吧？要不要让他们出个书面说明？'),  # hard
    ('customer_payment_verify_question', 'question', '顾客用微信扫码付款，我商家助手里显示收款成功，他手机上却显示支付中，一般多久能确认？'),
    ('customer_payment_verify_question', 'question', '做批发的，客户要我们出盖章的收款收据，我们个体户没刻公章，收据怎么开比较规范？'),
    ('loan_policy_question', 'question', '听银行说现在有小微企业贴息贷款，是要在“信易贷”平台上申请，还是直接去银行办？'),  # hard
    ('loan_policy_question', 'question', '农商行客户经理上门说我们店可以办经营贷，要看纳税和流水，我问要不要先交钱，他说一分不用，这样是正常的吗？'),  # hard
    ('loan_policy_question', 'question', '续贷是不是一定要先还本金？客户经理说现在有无还本续贷，符合条件可以直接续，这个政策是真的吗？'),  # hard
    ('loan_policy_question', 'question', '创业担保贷款是在人社局申请还是在银行？人社公众号上有公告，个体户最多能贷多少？'),
    ('anti_fraud_training_notice', 'notice', '关于开展财务人员防范电信网络诈骗培训的通知：定于本周五下午3点在三楼会议室举行，邀请辖区派出所民警授课，全体财务、出纳、采购人员参加。'),
    ('anti_fraud_training_notice', 'chat', '明天反诈民警来公司，请大家提前在手机上装好国家反诈中心APP，现场教怎么开启来电预警。'),
    ('anti_fraud_training_notice', 'statement', '公司付款管理规定（节选）：一、所有对外付款须经OA审批，五万元以上须总经理审批；二、供应商账户变更须有书面盖章函，并由财务通过合同预留电话回访，回访记录附在变更流程中；三、任何人通过聊天软件发出的付款指令均不作为付款依据；四、出纳与会计不得由同一人兼任，网银制单与复核分开。'),  # hard
    ('anti_fraud_training_notice', 'retelling', '今天有同事收到自称“张总”的好友申请，头像就是老板的，财务经理马上在群里说是假的，真正的张总从没换过微信，大家都没通过。'),
    ('annual_report_question', 'question', '公司年报里的“资产总额”“营业总收入”要填真实数据吗？能选择不公示吗？'),
    ('annual_report_question', 'question', '年报截止日过了两天，会不会马上被列入经营异常？现在补报还来得及吗？'),  # hard
    ('annual_report_question', 'question', '有条短信说我们公司年报未报将列入经营异常，我登录国家企业信用信息公示系统一看确实还没报，自己进去填就好了吧？'),  # hard
    ('invoice_question', 'question', '数电票开出去之后客户说抬头错了，当月发现能直接作废吗？还是只能红冲？'),
    ('invoice_question', 'question', '我们是小规模纳税人，客户要专票，现在能自己在电子税务局开吗？征收率是1%还是3%？'),
    ('invoice_question', 'question', '供应商开给我们的建筑服务发票备注栏没写项目地址，财务说不能报销，真的要重开吗？'),
]
