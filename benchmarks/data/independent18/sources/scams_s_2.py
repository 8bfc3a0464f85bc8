ROWS = [
('other_fraud', 'overseas_typist_job', 'chat', '小伙子，上次跟你说的那边的活考虑得怎么样了？就是在国外坐办公室打打字，比你在厂里站流水线强多了。护照办了没？有空来我店里喝茶细说。'),  # subtle
('other_fraud', 'overseas_typist_job', 'retelling', '我弟今年大专毕业，网上认识个“老乡”说越南有份打字的工作，一个月两万，包吃住，还说先去试一个月，不满意随时回来。让他先坐高铁到昆明，再换车到边境，说有人接。过去以后手机就被收了，家里只接到过一次他借别人手机打来的电话，哭着说那边天天逼着在网上找人聊天，完不成业绩要挨打，对方让家里交八万才放人。现在已经报了警，还在等消息。'),
('other_fraud', 'overseas_translator_job', 'chat', '看到你简历写着英语六级，我们这边有个海外驻场翻译的岗位，待遇比国内高不少，工作环境也好。方便的话晚上语音聊聊具体情况？'),  # subtle
('other_fraud', 'dubai_hotel_job', 'call', '喂，您好，是张女士吗？我这边是海舟劳务的，您之前在网上留过出国工作的意向对吧？现在迪拜那边酒店有几个岗位，条件挺不错，您看什么时候方便我详细跟您说说？'),  # subtle
('rebate_task', 'like_follow_task', 'chat', '在吗宝，我最近在做一个给博主点赞的小兼职，空闲时候点点就行，不耽误事，你要不要跟我一起？'),  # subtle
('rebate_task', 'like_follow_task', 'dialogue', '甲：我就点了三个关注，真的给我转了9块钱。 乙：然后呢？ 甲：然后把我拉进一个群，说做“福利单”，充300返380。 乙：你充了？ 甲：充了，又说连单要再充1200才能提现……'),
('rebate_task', 'order_brushing_advance', 'question', '兼职群里让我给网店拍单冲销量，说先自己垫钱买，确认收货后返本金和10%佣金。第一单68块确实返了，现在让拍一单899的，这个还能做吗？'),
('rebate_task', 'order_brushing_advance', 'complaint', '我在一个叫“繁星任务”的APP上做补单，前后垫了一万六千多，到最后说我“操作失误”，要再交5000解冻金才能提现。现在客服不回，APP也打不开了，请问还能追回吗？'),
('rebate_task', 'review_writing_task', 'chat', '你好，我们是做外卖店铺口碑维护的，最近缺几个写评价的兼职，用自己手机就能做，不影响上班上课，想了解的话回个1。'),  # subtle
('other_fraud', 'typing_deposit_job', 'post', '【在家打字员】手机电脑均可，录入文档，每千字35元，多劳多得，日结。新人需缴纳198元资料押金（完成首单后退还）。联系QQ：2837461950'),
('other_fraud', 'typing_deposit_job', 'question', '有个打字兼职说一千字30块，让我先交99块“软件激活费”，说是防止有人拿了资料不干活，交了以后能退。这种正规吗？'),
('other_fraud', 'voiceover_course_fee', 'post', '零基础配音兼职｜有声书/动画/广告配音，声音好听就能接单，一条音频50-300元，先免费试音，通过即可入驻。试音报名 pyjz-studio.cn/sy'),
('other_fraud', 'voiceover_course_fee', 'retelling', '女儿大三，在小红书上看到配音兼职，试音后对方夸她是“天生少女音”，接着推了个1999的课程，说学完包接单。钱交了，课就是几个录播视频，群里派的单一条才5块，要求还特别高。'),
('other_fraud', 'novel_entry_job', 'sms', '【书城文库】招聘小说录入员，照图片录文字，5元/百字，在家即可，需开通作者账号（工本费88元）后派稿，详情：shucheng-luru.com'),
('other_fraud', 'novel_entry_job', 'question', '小说录入这种兼职靠谱不？对方说要先买他们的“校对软件”168元，之后每录一章给20块，群里好多人在晒收入截图。'),
('other_fraud', 'handicraft_materials_fee', 'call', '大姐您好，我是咱们手工坊的，您之前在视频号下面留言说想在家做点手工对吧？我们这边有珠绣、串珠的活，不用出门，我加您微信给您看看样品？'),  # subtle
('other_fraud', 'fake_hr_move_offplatform', 'chat', '您好，我是澜途文化的HR，看了您的简历，跟我们运营助理岗位挺匹配的。平台这边消息不太方便，可以加一下您微信详细沟通吗？'),  # subtle
('other_fraud', 'fake_hr_move_offplatform', 'sms', '您好，这里是智联招聘合作企业人事部，您投递的行政文员简历已通过筛选，稍后人事专员会添加您的微信，请注意通过。'),  # subtle
('other_fraud', 'recruiter_uniform_fee', 'sms', '面试通过，明早九点到门店报到。工服费280元今晚前转我微信，我统一给大家订，尺码一起发过来，上岗满一个月随工资返还。'),
('other_fraud', 'recruiter_uniform_fee', 'question', '在58同城找了个超市理货员，面试的人说录用了，让先交450“服装费+工牌费”到他个人微信，说公司财务不收零钱。正常公司会这样吗？'),
('other_fraud', 'pre_job_training_fee', 'sms', '【英嘉职业】您好，您已通过初面，请于3日内缴纳岗前培训费1580元至指定账户6217 0023 1456 8890 127（户名：陈立伟），逾期视为放弃。'),
('other_fraud', 'designated_medical_check', 'sms', '恭喜您通过面试，请于明日12点前到合作机构“康沅体检中心”完成入职体检，体检费260元需线上预约支付：kangyuan-tj.cn/yy，凭收据入职后报销。'),
('other_fraud', 'badge_key_deposit', 'notice', '宿舍入住须知：新员工入住需缴纳工牌及钥匙押金共500元，离职时全额退还。押金请转宿管王姐，微信 wj_sushe520，未缴纳者暂不安排床位。'),
('other_fraud', 'bank_card_rental', 'post', '收卡，一类卡二类卡都要，一张一月1500，不动你钱，只过流水，安全有保障，长期合作。扣扣：1 3 7 5 2 8 0 9 4'),
('other_fraud', 'bank_card_rental', 'retelling', '表弟刚上大一，同学说把银行卡借给一个“老板”用一个月能拿2000，他就把卡和U盾都给了人家。上周卡被冻结，派出所打电话让他去做笔录，说卡涉及一起案件的资金流水。'),
('other_fraud', 'payment_score_running', 'chat', '你支付宝收款码平时用得多吗？我这边有个挂机赚手续费的活，不用投钱，手机放着就行，想做的话我拉你进群。'),  # subtle
('other_fraud', 'money_flow_helper', 'chat', '在吗？我老板公司账户这两天被限额了，想找个信得过的人帮忙过一下账，不会让你白忙，你看方便不？'),  # subtle
('other_fraud', 'money_flow_helper', 'retelling', '我们村好几个年轻人被叫去城里“帮公司走账”，包吃住一天五百，就坐在宾馆里用自己的卡收钱转钱。回来没几个月，卡全被冻了，还有一个被公安带走了。'),
('other_fraud', 'usdt_exchange_job', 'chat', '兄弟，最近有個搬磚的活，不用本錢，用你的卡轉轉賬就有收益，我做了半年了很穩，有興趣聊聊。'),  # subtle
('other_fraud', 'sms_code_receiver', 'post', '手機號jie码兼职，一条验证码5-20元，只需把收到的验证码发给我们，不用注册不用下载，躺着赚钱，详情见 jiema-zhuan.xyz'),
('other_fraud', 'sms_code_receiver', 'dialogue', '妈：有人说我手机收到短信转给他，一条给十块，这钱好赚吧？ 女儿：转的什么短信？ 妈：就那种几位数字的，说帮商家注册账号。 女儿：那是验证码！人家拿你的号去注册开户，出了事找的是你。'),
('other_fraud', 'im_account_rental', 'chat', '姐妹你微信号注册几年了？我这边在帮一个工作室找老号合作，不用你做什么，有兴趣的话我跟你细说。'),  # subtle
('other_fraud', 'phone_card_sale', 'chat', '你身份证能办几张卡？我朋友公司要一批手机号做推广，不用你出钱，还有辛苦费，感兴趣回我。'),  # subtle
('other_fraud', 'phone_card_sale', 'retelling', '我侄子读高职，被人用两百块一张的价格收走了四张电话卡，说是“搞网络推广”。后来运营商打电话说这些号码被大量用来打诈骗电话，让他到营业厅说明情况。'),
('other_fraud', 'face_scan_rental', 'post', '刷脸兼职，动动手指赚300，只需对着手机做几个动作（眨眼、摇头），当场结算，名额有限，报名进QQ群 745209318'),
('other_fraud', 'business_licence_rental', 'chat', '你之前是不是开网店注册过个体户？现在还用吗？我朋友做电商需要执照合作，报酬挺可观的，可以聊聊。'),  # subtle
('other_fraud', 'paid_bianzhi_placement', 'retelling', '我爸托人给我找工作，对方说认识人社局的领导，能安排进街道办，有编制，还拿出跟“领导”吃饭的合影给我们看。前后分三次收了我们家12万，说是“打点费”，最后给了份盖着红章的“录用通知”。到报到那天我拿着通知去街道办，工作人员说根本没有这回事，章也是假的，再打那人电话已经是空号了。'),
('other_fraud', 'paid_internal_referral', 'post', '大厂内推｜互联网头部公司校招直通车，简历直达部门负责人，包过初面，不过全额退款，咨询费2999可分期，微信：neitui_kelly'),
('other_fraud', 'paid_internal_referral', 'question', '有个“学长”说能内推进国企，走他的渠道简历一定能进面试，要先交8000“渠道费”，不成功退款，但他拿不出任何合同。我该信吗？'),
('other_fraud', 'civil_exam_leaked_questions', 'chat', '国 考 内 部 资 料，有 考 前 原 题，不 过 退 款，懂 的 来，薇 信 g k 8 5 9 2'),
('other_fraud', 'postgrad_exam_guarantee', 'post', '考研政治英语考前最后一套“内部卷”，往年学员反馈命中大题，限时99元，附赠导师一对一答疑，购买链接：kaoyan-miya.cn/buy'),
('other_fraud', 'teacher_cert_pass', 'sms', '教资面试包过班，今年新增内部名额，不过免费重读，有特殊渠道可提前知晓考题，详询 189 2736 4051（张老师）'),
('phishing', 'student_grant_phishing', 'sms', '【学生资助中心】您申请的国家助学金已审核通过，请于48小时内登录 xszz-gov.cn.bangk.top 填写银行卡信息完成发放，逾期视为放弃。'),
('phishing', 'student_grant_phishing', 'chat', '同学们注意一下，这学期助学金下周开始统计收款卡，到时候会发个表格，大家提前把自己的银行卡准备好哈。'),  # subtle
('phishing', 'employment_subsidy_phishing', 'sms', '【人社就业】您符合2025年高校毕业生一次性求职创业补贴领取条件，补贴金额2000元，请点击 http://rsj-butie.com.cn-ling.vip 在线申领。'),
('phishing', 'employment_subsidy_phishing', 'notice', '关于发放未就业毕业生见习补贴的通知：2024、2025届未就业毕业生均可申领每月1500元见习补贴，请登录 jyjx-bt.com 或扫描下方二维码添加就业服务专员，提交身份证及银行卡正反面照片。'),
('phishing', 'scholarship_account_check', 'email', '主题：【紧急】奖学金发放账户核对 您好，因银行系统升级，部分同学奖学金账户需重新核验，请于今晚22:00前登录 jwc-zhongxin.net/pay 输入学号、银行卡号及密码完成核对。'),
('loan', 'salary_advance_loan', 'call', '您好，我这边是融拓金服的，看您最近在求职平台上比较活跃，我们有款专门针对新入职人员的工资预支服务，不看征信，您有需要可以先了解一下。'),  # subtle
('loan', 'salary_advance_loan', 'retelling', '我去一家电子厂面试，中介说厂里工资压两个月，可以先帮我在一个APP上借“生活费”，每月从工资扣。结果还没进厂就说名额满了，APP上倒欠了一万二，利息高得离谱。'),
('loan', 'training_loan_trap', 'chat', '你好，看你在咨询我们的设计培训课，学费这块不用担心，我们有零首付的入学方案，工作之后再慢慢付，要不要约个时间来校区参观一下？'),  # subtle
('other_fraud', 'streamer_package_fee', 'post', '【直播公会招募】才艺/带货主播，无经验可培训，底薪6000+高提成，提供直播间和设备，需缴纳形象包装费3800（含妆造、拍摄、运营），报名表：zb-gonghui.top/bm'),
('other_fraud', 'streamer_package_fee', 'complaint', '签了一家传媒公司做主播，说好保底工资，结果要先交“账号包装费”和“流量推广费”共6500，播了两个月一分底薪没拿到，说我没达到考核，合同条款全是对他们有利的。'),
('other_fraud', 'model_shoot_fee', 'chat', '你的形象很适合做服装平面模特，我们是做电商拍摄的，最近在找新面孔，有兴趣的话约个时间来公司试镜看看。'),  # subtle
('game_trade', 'game_companion_fee', 'post', '陪玩工作室招女聲，每天陪老闆開黑兩三小時，月入五位數不是夢，入會費幾十塊，加ｑｑ８２０４６１３７５試音'),
('game_trade', 'game_boosting_deposit', 'post', '代练接单须知：老板已将费用压在平台，接单前需缴纳200元押金，防止账号被恶意操作，打完单押金与报酬一并结算。押金缴纳：dl-pay.cc/yj'),
('game_trade', 'game_boosting_deposit', 'dialogue', '甲：我接了个代练单，打上王者了，工作室说要交500“账号安全保证金”才能结算。 乙：之前说过要交吗？ 甲：没说，说是老板投诉了，交了才能解封报酬。 乙：那你别再转了。'),
('other_fraud', 'fake_headhunter_fee', 'call', '您好，请问是陈经理吗？我是一家猎头公司的顾问，我们这边有个区域负责人的机会，觉得您挺合适，想约您找时间详细聊聊，您看方便吗？'),  # subtle
('other_fraud', 'overseas_labour_agency', 'notice', '【出国劳务】日本、新加坡、澳洲农场、建筑、餐饮工，月薪2万-4万，正规工签，合同期两年。劳务服务费3.8万，签证下来前先交1万定金。咨询电话 0771-5832946'),
('other_fraud', 'overseas_labour_agency', 'call', '你好，我是远帆劳务的刘老师，看到你在群里问出国务工的事，以色列建筑工那边还有几个名额，待遇比国内高不少，有兴趣的话我把你拉到咨询群里。'),  # subtle
('impersonate_authority', 'new_hire_social_insurance', 'call', '您好，这里是市社保局，您新入职单位申报的社保信息和身份证号码不符，需要配合核验，现在给您发个验证码，您把收到的数字念给我。有疑问可回拨 010-8579 3306。'),
('impersonate_service', 'salary_unfreeze_fee', 'notice', '【系统通知】您的佣金提现因银行卡号填写错误已被冻结，需缴纳等额解冻保证金5600元，解冻后连同佣金一次性退还，请30分钟内通过 jd-fw.vip 处理。'),
('impersonate_service', 'salary_unfreeze_fee', 'question', '做了一个月线上客服兼职，工资3000多，提现时说“流水异常被风控”，要我再充一笔同等金额证明还款能力才能解冻。这钱还能拿回来吗？'),
('rebate_task', 'credit_score_task', 'sms', '商家店鋪急需提升信譽，招 兼 职 买 手，垫付下单返本金+佣金，0风险，日入300-800，点击 xinyu-task.com 报名'),
('investment', 'startup_pyramid', 'chat', '好久不见啊老同学！听说你最近在找工作？我在南宁这边做个项目，发展挺好，正缺自己人，要不过来看看，车费我报。'),  # subtle
('investment', 'startup_pyramid', 'post', '寻找有梦想的年轻人！零门槛轻创业，一部手机开启副业，投入3980成为合伙人，享团队收益分红，月入过万的人都在这里，了解详情 qc-hhr.vip'),
('other_fraud', 'paid_internship', 'email', '主题：暑期实习意向确认 同学你好，我们是一家互联网公司的校园合作部，今年暑期有一批实习名额给到你们专业，如有意向请回复本邮件，我们会安排专人对接。'),  # subtle
('rebate_task', 'student_task_agent', 'chat', '宝你最近课多不？我在做个校园兼职的代理，挺轻松的，缺几个靠谱的人一起做，改天食堂见面跟你说。'),  # subtle
('rebate_task', 'student_task_agent', 'retelling', '我们宿舍有个同学当了“兼职代理”，天天在群里拉人做点赞任务。后来好几个被拉进去的同学垫了钱拿不回来，辅导员找她谈话，她才知道自己也是被人利用了。'),
('impersonate_acquaintance', 'fake_counsellor', 'chat', '小刘，我在开会不方便接电话。学院要给几个就业困难同学发补贴，得先交一笔保证金，你先帮我转给这位老师3800，收款账户：6228 4812 0937 5562 019 李建华，我下午回学校还你。'),
('impersonate_authority', 'career_office_code', 'call', '同学你好，我是学校就业指导中心的，你的毕业生信息在学信网登记有误，会影响档案派遣。我现在给你发个验证码，你报给我，我后台帮你改。不放心可以打 0571-8690 2341 核实。'),
('impersonate_service', 'job_app_fake_cs', 'call', '您好，我是BOSS直聘的客服，系统检测到您的求职账号存在违规投递，将被永久封禁，还会影响个人信用。您稍后拨打 400-1086-2275 转2号专员，配合操作一下解除。'),
('impersonate_service', 'job_app_fake_cs', 'chat', '您好，这边是猎聘平台会员服务中心，检测到您的账号本月被大量企业查看，系统为您匹配了专属顾问，请问现在方便沟通吗？'),  # subtle
('credit_record', 'student_loan_cancel', 'sms', '【征信中心】您名下存在未注销的学生贷款账户，将影响入职背景调查，请尽快联系专员办理注销 021-6289 4713'),
('romance', 'job_seeker_romance', 'chat', '你好，在招聘软件上看到你也在找运营的工作，我是做项目管理的，觉得你头像挺有气质，能交个朋友吗？平时可以交流下求职经验。'),  # subtle
('prize', 'job_lottery_prize', 'sms', '【智联招聘】恭喜您在“求职季幸运抽奖”中获得二等奖：平板电脑一台，请点击 zl-lucky.cc 填写收货信息并支付邮费19.9元。'),
('shopping', 'uniform_shop_order', 'notice', '【入职须知】新员工工装统一在公司指定小程序购买，购买方式将于入职前两天在群内通知，请勿自行购买。'),  # subtle
('impersonate_acquaintance', 'fake_new_boss', 'chat', '小张，我是你新公司的部门经理老周，人事把你微信推给我了，入职前先认识一下，明天有个事可能需要你配合一下。'),  # subtle
('rebate_task', 'video_watch_task', 'sms', '看视频就能赚钱！每天刷15分钟短视频，完成指定观看任务即可提现，新人首日奖励20元，下载：kanshipin-zhuan.cn/app'),
('rebate_task', 'video_watch_task', 'question', '一个APP说看完广告就能拿钱，我看了一周攒了86块，提现时说要开通“VIP通道”交68元，不然每月只能提一次。要不要交？'),
('rebate_task', 'app_register_task', 'sms', '招手机推广兼职员，在家就能做，时间自由，有意回1'),  # subtle
]
