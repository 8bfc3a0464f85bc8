ROWS = [
('other_fraud', 'overseas_typist_job', 'post', '【急招】柬埔寨西港打字员/客服20名，会电脑打字即可，月薪2.5万起，包吃住包机票，落地签公司办理，18-35岁男女不限，有意者加飞机 @xg_hr_lina 详聊'),
('other_fraud', 'overseas_typist_job', 'sms', '海外文員直聘：緬甸園區招打字員，不需經驗，月入３萬＋，機票全報銷，名額有限先到先得，薇：ｍｙｗ６６８８'),
('other_fraud', 'overseas_translator_job', 'email', '主题：岗位意向确认｜中英翻译（菲律宾马尼拉） 您好，我司受当地一家游戏公司委托招聘中英翻译，月薪1.8万人民币，签约一年，工作签证由我司办理。请将护照首页及证件照上传至 bowan-hr.com/upload，以便提前预订机票。HR Vivian 微信：bw_vivian01'),
('other_fraud', 'dubai_hotel_job', 'post', '迪拜五星酒店前台/会所接待招聘，限女性，形象好即可，不要求英语，月薪3万-5万，包机票包住宿，签证全程代办，详情见 dbhr-jobs.com 或私信“迪拜”。'),
('rebate_task', 'like_follow_task', 'sms', '【抖音运营部】诚邀您参与达人账号点赞关注兼职，每单3元，日结，一天轻松200+，手机即可操作，详询 dy-zhuli.cc/job'),
('rebate_task', 'like_follow_task', 'sms', '點讚關注就有錢，jian職寶媽學生都可做，1單5元當場結，＋Ｖ：dz5577a'),
('rebate_task', 'order_brushing_advance', 'chat', '亲，第一单已经返款给您了哈。接下来是组合任务，需要连续完成3单，金额分别是520、1380、2960，任务链接 renwu.jx-shop.top/t/3391，全部完成后本金加佣金一起退回，中途退出系统会判定违规冻结哦。'),
('rebate_task', 'order_brushing_advance', 'chat', '你好，我是做网店运营的，店里最近缺几个帮忙下单的兼职，手机就能操作，不耽误上课，你有空的话可以试试看。'),  # subtle
('rebate_task', 'review_writing_task', 'sms', '【美团】商家好评员招募：到店无需消费，按模板写评价，每条佣金15元，当天结算，名额仅剩8个，报名 mt-haoping.vip'),
('rebate_task', 'review_writing_task', 'retelling', '我妈在家闲着，有人加她说给电影写影评，一条给8块，前几条都给了。后来说要升级“VIP写手”交698，交完又说要激活账户再交，前后转了三千多才跟我说。'),
('other_fraud', 'typing_deposit_job', 'sms', '你好，你在兼职平台报名的文字录入岗已通过初审，稍后会有老师联系你安排试稿，请保持手机畅通。'),  # subtle
('other_fraud', 'typing_deposit_job', 'chat', '打 字 员 急 招，在 家 手 机 就 能 做，0 基 础，日 入 1 5 0 ＋，感 兴 趣 扣 扣 滴 我 3 9 1 0 2 8 4 7 5'),
('other_fraud', 'voiceover_course_fee', 'chat', '恭喜你试音通过了！你的声音条件很好，不过接单前要先学完平台配音课，原价3980，新人签约价1280，学完直接派单，一个月就能回本。报名找班主任微信 peiyin_xiaoyu'),
('other_fraud', 'voiceover_course_fee', 'sms', '同学你好，我是声优工作室的助理，你之前提交的试音我们老师听过了，觉得挺有潜力，想跟你约个时间细聊一下合作。'),  # subtle
('other_fraud', 'novel_entry_job', 'chat', '你好，请问是在找兼职吗？我们出版社有一批纸质小说要转成电子版，找人在家录入，时间很自由，你平时打字速度怎么样？'),  # subtle
('other_fraud', 'handicraft_materials_fee', 'post', '手工活外发：串珠、钉珠、十字绣，在家就能做，不限时间，成品包回收，计件结算。首次需购买材料包一套（298元含工具），下单 sgh-cailiao.shop，做好寄回即结账。'),
('other_fraud', 'handicraft_materials_fee', 'complaint', '去年在快手看到在家做手工的广告，买了三套材料一共900多，做好寄过去说针脚不合格，一分钱没给，还让再买“合格版材料”。对方电话155 0391 2287现在打不通了。'),
('other_fraud', 'fake_hr_move_offplatform', 'chat', '您好，我司面试统一在QQ群进行，请搜索群号682014537申请入群，验证填写“面试+姓名”，进群后按管理员指引完成线上测评。'),
('other_fraud', 'fake_hr_move_offplatform', 'email', '主题：面试安排通知 您好，由于招聘平台限制发送外部资料，请下载Telegram并搜索 @hr_zhang_2025，入职材料及工作内容将通过该账号发送，建议使用电脑登录。人力资源部'),
('other_fraud', 'recruiter_uniform_fee', 'call', '喂，小王是吧？我是昨天面试你的刘主管，你被录用了。公司规定新员工统一着装，工服加工鞋一共360，你今晚前微信转我，我好报给后勤，不然明天排不上班。'),
('other_fraud', 'pre_job_training_fee', 'post', '急招储备店长，无经验可，公司提供岗前培训，月薪8000-12000，五险一金，晋升快。有意者投递简历至 hr@shengjin-jt.net'),
('other_fraud', 'pre_job_training_fee', 'dialogue', '求职者：培训费为什么要我交？ 招聘方：行业规矩，培训完发上岗证，一辈子都有用。 求职者：能从工资里扣吗？ 招聘方：不行，先交才能排班，不交名额就给下一位了。'),
('other_fraud', 'designated_medical_check', 'sms', '您好，您应聘的仓储管理员岗位面试已通过，入职前需要到公司指定机构做一次体检，具体安排明天人事会单独通知您。'),  # subtle
('other_fraud', 'badge_key_deposit', 'sms', '【恒骏物流人事部】新员工请于报到当天携带身份证原件，并提前缴纳工牌押金200元、储物柜押金100元，报到指引及缴费见 hj-wuliu-hr.cn'),
('other_fraud', 'bank_card_rental', 'chat', '兄弟最近手头紧不？有个来钱快的路子，当面聊。'),  # subtle
('other_fraud', 'bank_card_rental', 'sms', '急收新开銀行卡，帶手機卡一起，一套1800-3000，當天結清，外地可郵寄，詳聊Ｖ：ｓｋ８８２１'),
('other_fraud', 'payment_score_running', 'question', '朋友拉我做“跑分”，说就是用我的微信收款码帮商家收钱，再转出去赚手续费，给了个群号61082374让我进。听着不用投钱，但总觉得不对劲，会有什么风险？'),
('other_fraud', 'money_flow_helper', 'call', '喂，你好，我是你同学介绍的，就帮忙走账那个事。钱打到你卡上，你按我说的分几笔转出去，一次给你三百辛苦费，今天下午就有一笔。你加我微信 zhanghu_lj77，我发你步骤。'),
('other_fraud', 'usdt_exchange_job', 'post', '高薪兼职：收U/卖U搬砖，低买高卖赚差价，一天500-2000，有人带，无需经验，只需一张银行卡和实名交易所账号，TG：@usdt_bz88'),
('other_fraud', 'usdt_exchange_job', 'complaint', '去年网友介绍我做“USDT搬砖”，用自己的卡收别人转来的钱再去买币，做了十几单赚了两千多。现在我三张卡都被外地公安冻结，说是涉案资金，我真不知道那是赃款。'),
('other_fraud', 'sms_code_receiver', 'chat', '你好呀，你平时手机号闲着吗？我们有个不费事的小兼职，偶尔帮忙收个验证码就能赚点零花，要不要了解一下？'),  # subtle
('other_fraud', 'im_account_rental', 'sms', '出租闲置威信/支付宝号，实名满一年即可，日租金50-80元，不改密码不动余额，安全放心，+V：zuhao_6632'),
('other_fraud', 'im_account_rental', 'question', '有人出价每天60元租我的微信号，说是做“客服引流”，要我扫码登录到他那边电脑上，他微信是 zuhao_kefu01。我学生没收入，挺心动的，这种能做吗？'),
('other_fraud', 'phone_card_sale', 'post', '高價回收手機卡，三大運營商均可，新卡老卡都收，一張２００-５００，包郵寄，學生黨可兼職代收，聯繫 @kashou_bj'),
('other_fraud', 'face_scan_rental', 'chat', '帮个小忙呗，我这边有个实名认证一直过不了，需要借个真人刷下脸，几秒钟的事，完事请你喝奶茶。'),  # subtle
('other_fraud', 'business_licence_rental', 'sms', '您好，个体营业执照可出租或回收，注册满半年以上，月租金2000，对公账户另计，不影响您本人使用，详询 13625874093 王经理'),
('other_fraud', 'paid_bianzhi_placement', 'chat', '事业单位编制指标我这还有一个，区里的，正式在编，不用考试，走内部招录，整体费用18万，先付5万定金，入职后付尾款。详细的加我另一个微信 lw_88023 聊，这个号不常用。'),
('other_fraud', 'paid_bianzhi_placement', 'call', '喂，是李叔吧？我是你家小李他舅介绍的，孩子工作的事我听说了，我这边有点门路，电话里不方便说，你看哪天有空出来坐坐？'),  # subtle
('other_fraud', 'paid_internal_referral', 'chat', '学弟你好，我是你们学院往届的，现在在一家大厂做HR，今年部门有几个内推名额，看你简历还不错，要不要聊聊？'),  # subtle
('other_fraud', 'civil_exam_leaked_questions', 'sms', '【公考内部】2025年省考行测申论押题卷已出，命中率90%以上，考前一周发放，名额限量，需要的同学速看 gk-neibu.top'),
('other_fraud', 'civil_exam_leaked_questions', 'question', '有人在考公群里私聊我，说有渠道拿到今年事业单位笔试原题，考前三天发，先付一半定金6000，考完付尾款，对方QQ是1530927746。这是真的吗？会不会违法？'),
('other_fraud', 'postgrad_exam_guarantee', 'call', '同学你好，我们是知研堂教育的，看到你今年报名了考研，想简单了解一下你的目标院校，我们有些往年的内部渠道信息可能对你有帮助，方便聊两分钟吗？'),  # subtle
('other_fraud', 'teacher_cert_pass', 'chat', '你好，看到你在群里问教资面试的事，我们这边有带过很多学员上岸的老师，加个好友我发你看看往期反馈？'),  # subtle
('phishing', 'student_grant_phishing', 'email', '各位同学：本学年秋季学期助学金发放工作已启动，请获得资格的同学打开 https://xsc-zizhu.edu-cn.top/form 完善收款信息（含银行卡号、预留手机号及验证码），以便资金按时到账。学生处资助管理办公室'),
('phishing', 'student_grant_phishing', 'question', '收到短信说我的“贫困生补助”审核通过了，让点链接填卡号和验证码，我去年确实申请过。链接是 xszz-bz.top/sq，这个能填吗？'),
('phishing', 'employment_subsidy_phishing', 'sms', '尊敬的毕业生：您的就业补贴待领取，请登录“国家政务服务平台”补贴专区 ｈｔｔｐ：／／ｇｏｖ－ｆｗ．ｃｃ 核验身份及收款卡，今日截止。'),
('phishing', 'employment_subsidy_phishing', 'chat', '您好，我是街道就业服务站的工作人员，您是今年刚毕业还没就业对吧？现在有一项针对您这种情况的补贴政策，稍后我把办理方式发给您。'),  # subtle
('phishing', 'scholarship_account_check', 'sms', '同学你好，这里是学院学工办，你本学期的奖学金评定已公示完毕，发放前需要核对你的收款信息，届时另行通知。'),  # subtle
('loan', 'salary_advance_loan', 'sms', '入职前公司统一给大家办“工资预支”，下载 http://47.103.88.21/gzyz.apk 借3000，这钱由公司还，从以后工资里慢慢扣，你只管实名签字。'),
('loan', 'training_loan_trap', 'retelling', '我儿子去面试“网络运营专员”，当场说录用，但得先上一个月岗前培训，培训费6800，可以办分期。培训完说他考核没过，不给安排工作，分期贷款还得自己还。'),
('loan', 'training_loan_trap', 'complaint', '今年三月在一家职业培训机构报了UI设计班，咨询老师一直强调“学完包就业、月薪过万”，说学费可以“先学后付”。签合同时让我在平板上刷脸、填身份证和银行卡，后来才知道是办了一笔1.9万的分期贷款。四个月课上完，推荐的几家公司面试都不录用，机构说是我能力不够，还劝我再报进阶班。现在贷款每月要还1300，工作还没着落，希望有关部门管一管。'),
('other_fraud', 'streamer_package_fee', 'call', '喂，你好，是小林吗？我是一家MCN机构的经纪人，刷到你的视频觉得你镜头感特别好，我们正在签约新人主播，有兴趣的话我跟你介绍一下？'),  # subtle
('other_fraud', 'model_shoot_fee', 'sms', '恭喜您通过星屿模特平面模特初选！请于本周内到公司拍摄模卡，拍摄费1680元，模卡完成后即可安排商业通告，单场收入500-3000元。预约：xingyu-mt.com'),
('game_trade', 'game_companion_fee', 'post', '游戏陪玩招募🎮王者/和平/LOL均可，声音甜、技术好优先，单小时30-80元，需缴纳199元公会入会费（含认证、排单），入会链接 pw-gonghui.cn'),
('game_trade', 'game_companion_fee', 'retelling', '我室友在一个陪玩平台接单，开始说入驻免费，后来说要“提升等级”才能接到老板单，先后交了会员费、考核费、保证金，一共1700多，接的单还不到十个。'),
('game_trade', 'game_boosting_deposit', 'sms', '哥们段位挺高啊，工作室缺代练，接不接？打一局结一局。'),  # subtle
('other_fraud', 'fake_headhunter_fee', 'email', 'Dear 王先生：我是锐衡猎头顾问Kevin，受某上市公司委托招聘华东区销售总监，年薪60-80万。您的背景非常匹配，推进流程前需完成职业测评（1200元，入职后企业报销），测评链接：ruiheng-hr.net/test'),
('other_fraud', 'fake_headhunter_fee', 'chat', '客户那边对你很满意，不过企业要求候选人提供一份第三方“背调报告”，我们合作的机构出得快，费用980，我把他们的收款码推给你。'),
('other_fraud', 'overseas_labour_agency', 'retelling', '我老公去年通过劳务中介报名去新西兰摘水果，交了“签证费”“培训费”“担保费”一共五万六，中介一直说签证在办，拖了八个月，办公室人去楼空，电话也停机了。'),
('impersonate_authority', 'new_hire_social_insurance', 'sms', '【社保中心】您单位新参保登记信息有误，将影响社保卡激活，请于今日内登录 http://103.45.211.9:8080/sb 更正个人信息及银行卡。'),
('impersonate_authority', 'new_hire_social_insurance', 'call', '您好，请问是刚入职华琰科技的周女士吗？我这边是社保经办窗口，您的参保登记有一项需要确认，稍后会有专员联系您，请保持电话畅通。'),  # subtle
('impersonate_service', 'salary_unfreeze_fee', 'sms', '您好，这里是薪资代发中心，您本月工资因账户信息问题暂未发放，稍后会有财务专员联系您处理，请留意来电。'),  # subtle
('rebate_task', 'credit_score_task', 'notice', '【任务平台公告】工号信誉分低于90的用户将暂停派发高佣任务。请尽快完成两单信誉恢复单（每单垫付1000元，完成即返并加分）。'),
('rebate_task', 'credit_score_task', 'complaint', '某任务平台以“刷信誉”为名让我垫钱做单，先后垫了2.3万，每次都说还差一单就能提现，现在账户显示冻结，群也解散了，平台客服QQ 2294051837 不再回复。'),
('investment', 'startup_pyramid', 'retelling', '表哥说在外地给我找了份好工作，到了才发现一群人挤在出租屋里天天“上课”，让交6万多买“份额”，拉人进来就能升级，说最后能拿1040万。我找借口跑出来了。'),
('other_fraud', 'paid_internship', 'notice', '关于2025届毕业生实习岗位安排的通知：我校与“澄岳实训基地”合作提供带薪实习岗位，参加学生需缴纳实习管理费1200元，缴费入口 cy-shixun.cn/pay，交费后统一签三方协议。'),
('other_fraud', 'paid_internship', 'sms', '【名企实习计划】500强企业暑期实习生招募，附实习证明与推荐信，报名费399元，名额仅限100人，报名：intern-top500.cn'),
('rebate_task', 'student_task_agent', 'post', '招募校园jian职代理，每校限2名，负责在班群、宿舍群推广任务，推广一人奖励10元，团队收益另算，加扣扣1065837429报名。'),
('impersonate_acquaintance', 'fake_counsellor', 'chat', '我是你们辅导员王老师，这是我的新QQ，原来那个号被盗了，加一下，晚点有事情找你。'),  # subtle
('impersonate_acquaintance', 'fake_counsellor', 'sms', '同学你好，我是学院新来的就业辅导员，负责你们班的毕业去向登记，稍后拉你进个群，记得通过一下。'),  # subtle
('impersonate_authority', 'career_office_code', 'notice', '【就业中心提醒】请2025届毕业生于本周五前登录就业信息核验系统 http://118.24.67.3/jyhd 完成三方协议网签，登录需输入学号、身份证号及手机验证码。'),
('impersonate_service', 'job_app_fake_cs', 'sms', '【前程无忧】您的简历账号因异常登录已被限制，为保障正常求职，请于24小时内验证身份：51job-vip.cc/verify'),
('credit_record', 'student_loan_cancel', 'call', '喂您好，请问是刘同学吗？我这边是金融平台的，关于您大学期间开通的一个账户，有些情况需要跟您核实，会影响到您的征信，您现在方便吗？'),  # subtle
('credit_record', 'student_loan_cancel', 'question', '刚拿到入职offer，突然有人打电话说我大学开过校园贷，不注销会上征信，公司背调能查到，让我把微粒贷和借呗的额度借出来转到“安全账户”验证。我该怎么办？'),
('romance', 'job_seeker_romance', 'retelling', '我姐找工作那阵在招聘软件上认识一个男的，自称某公司项目经理，说话很体贴，天天早安晚安，还帮她改简历、陪她模拟面试。聊了两个月确定了关系，他说有个朋友在平台做技术，发现了“博彩漏洞”，带她下注，头几次赚了几千都能提出来。后来她把攒的钱加上网贷借的，一共二十多万全投进去，提现时说要交“风控审核费”，人也联系不上了。'),
('prize', 'job_lottery_prize', 'chat', '恭喜你成为本月“优秀兼职达人”，获得奖金8888元！领奖需先缴纳个人所得税888元，点击 gs-jiaona.top 缴纳，缴纳后5分钟内奖金到账。'),
('shopping', 'uniform_shop_order', 'complaint', '入职前HR发来一个网店链接 gz-shangcheng.shop，说必须买指定的工服和劳保鞋，我买了328的一套，半个月没发货，HR把我拉黑了，店铺客服只会自动回复。'),
('impersonate_acquaintance', 'fake_new_boss', 'email', '各位新同事好：我是集团新任财务总监。按老板要求，新入职员工的入职保险费先由个人垫付，每人1200元，月底随工资报销，请今天下班前转至财务张会计账户 6217 8832 0045 1196 338。'),
('rebate_task', 'video_watch_task', 'chat', '看 短 視 頻 也 能 賺 點 零 花，时 间 自 由，宝 妈 学 生 都 能 做，想 了 解 的 回 个 1'),  # subtle
('rebate_task', 'app_register_task', 'post', '【手机兼职】下载指定APP注册并完成实名认证，截图即可领30元/个，家人手机号也能注册，多注册多得，下载地址 s.qzkj.cc/8Kx2'),
]
