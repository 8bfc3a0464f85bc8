ROWS = [
    ('other_fraud', 'elder_home_bed_presale', 'retelling', '我爸妈2023年在郊区一个“康养小镇”交了二十万买“养老床位会员卡”，销售说随时可以入住，不住的话每年返10%的“床位收益”，还带他们去看了样板间。头一年每个月都准时到账，他们又介绍了三个老邻居去买。今年三月开始说资金周转困难暂停返还，到现在售楼处都锁了门，工地也停了，几十个老人天天去那里守着，我们该去哪里报案？'),
    ('romance', 'widower_online_investment', 'chat', '李姐，我是海外维和部队的军医，明年就退役了。老伴走得早，身边没有亲人，跟你聊天这些天，我觉得你就是我后半辈子要找的人。我这些年攒了一笔积蓄，想先寄到你那里保管，等我回国咱们就在你那边买房子过日子。可是包裹过海关要交两万八的清关手续费，我在部队没法转账，你先帮我垫上，回国我全部还你，我发誓，这件事先别告诉你女儿，等我回来给她一个惊喜。'),
    ('investment', 'elder_coin_blockchain', 'sms', '您的“养老数字资产”已增值至48,260元，因系统升级需完成实名核验方可提现，请于24小时内登录 szyl-chain.com 操作。'),
    ('other_fraud', 'free_lecture_supplements', 'chat', '阿姨，您昨天听课说膝盖疼，我跟主任反映了，主任特批您一个“体验名额”，明天来店里免费喝一周我们的“活性肽”，不要钱，喝好了再说，我早上七点在门口等您。'),  # subtle
    ('impersonate_service', 'bank_customer_service', 'sms', '【工商銀行】您的退休金账户将被限制使用，请点 icbc-gx.vip 更新资料。'),
    ('impersonate_service', 'bank_customer_service', 'chat', '阿姨您好，我是银行的客户经理小吴，您卡里的养老金存款利率要调整，我们有个“老年专享保障账户”，利率高一倍，您把验证码发我，我帮您转过去。'),
    ('other_fraud', 'reverse_mortgage_trap', 'call', '老爷子，咱们这个“以房养老”项目您放心，房子还是您的，您就把房本抵押一下，每个月给您发六千的养老金，还有20%的年收益，签个字就行，公证处那边我们都安排好了。'),
    ('other_fraud', 'collectibles_auction_fee', 'chat', '王老您好，您发来的这张“大清银币”照片专家看过了，品相非常好，属于稀缺版别。按规定上拍前要做第三方检测证书，费用1980元，证书出来就安排您的专场，您看哪天方便？'),
    ('phishing', 'fake_12333_page', 'retelling', '我在家族群里看到我舅转了一个“国家社会保险公共服务平台”的链接，说2025年养老金又涨了，点进去能查自己每月涨多少，还能一键领取补发的差额。我点开一看，网址是12333-gov.top，页面上要填身份证号、社保卡号、银行卡号和取款密码。我舅已经填了，我妈也正准备填，我想问一下这是官方网站吗？我舅要不要赶紧去改密码？'),
    ('impersonate_service', 'medical_card_freeze_upgrade', 'sms', '【医 保 中 心】您的医 保 卡即将冻结，速办升级：０２８－８５３６７７２０'),
    ('investment', 'elder_coin_blockchain', 'notice', '【颐年数字养老】手机下载APP，注册即送100“颐年币”，每日签到挖矿，币值只涨不跌，满一年可兑换养老服务或提现。下载地址：http://47.106.21.88/yn'),
    ('impersonate_authority', 'medical_insurance_misuse', 'retelling', '我爸上午接到个电话，对方说是“北京医保局”的，说他的医保卡在外地一家药店被盗刷了一万多元，要冻结，接着电话转给一个自称“成都公安局刘警官”的人，说他的卡涉及一起倒卖药品的大案，要对他名下资金做清查，让他下载一个会议软件开共享屏幕，还不准挂电话、不准告诉家人。幸亏我中午回家早，看到他正在输银行卡密码，赶紧把手机拿过来挂了。'),
    ('romance', 'senior_matchmaking_club', 'sms', '叔叔您好，我们这边有位62岁的退休女教师，丧偶，想找个知冷知热的老伴，您条件挺合适的，加个微信认识一下吧：ly62vx。'),  # subtle
    ('impersonate_service', 'tv_broadband_upgrade', 'sms', '【宽带】老年用户免费升级千兆光纤送话费，预约电话0591-8765 3302'),  # subtle
    ('impersonate_acquaintance', 'old_comrade_classmate_loan', 'chat', '老张，还记得我不？咱俩七八年在一个连，我是老周啊！这些年一直惦记你，好不容易才加上你微信，改天视频好好聊聊。'),  # subtle
    ('shopping', 'phone_medicine_sales', 'call', '大爷，我是北京中医药研究院的专家助理，回访一下您的风湿骨病，专家给您定了个纯中药调理方案，您方便的话我让专家亲自跟您讲讲，专家热线 010-6279 4315。'),  # subtle
    ('phishing', 'pension_certification_link', 'sms', '【人社局】2025年度养老金资格认证已开始，未认证将暂停发放，请点击 http://12333-rzhi.com 完成刷脸认证。'),
    ('impersonate_authority', 'police_money_laundering', 'chat', '张大爷，这是最高检察院出具的“冻结管制令”，您的银行卡涉嫌洗钱，现在案件处于保密阶段，不要和任何人包括子女透露，按我们的要求一步一步操作。'),
    ('other_fraud', 'elder_home_bed_presale', 'sms', '【福寿康养】尊敬的长者：我院新建园林式养老社区本月开放参观，免费接送、免费午餐、免费体检，欢迎您和家人来看看晚年的家，预约电话0571-8692 3045。'),  # subtle
    ('impersonate_authority', 'civil_affairs_subsidy_officer', 'call', '大爷您好，我是区民政局老龄科的，今年国家给80岁以上老人发一次性高龄补贴，我核对一下您的银行卡号和身份证，补贴直接打到卡上。'),  # subtle
    ('investment', 'elder_coin_blockchain', 'chat', '阿姨，“养老链”是国家区块链试点，每天签到就送“养老币”，存够一千个币就能换养老院一个月床位，现在充值一千送一千，币价已经涨了五倍了。'),
    ('prize', 'free_eggs_rice_oil', 'chat', '叔叔，明天是我们“会员感恩日”，来就送一桶5升花生油，但要先交99元会员费，会员费下个月全额返还，您看要不要给您报个名？'),
    ('impersonate_authority', 'police_money_laundering', 'retelling', '我外公前天一个人去宾馆开了间房，说是配合“公安”办案，不许接家人电话。对方在视频里穿着警服，背景像是派出所办公室，还给他发了一张带照片的“通缉令”和“冻结管制令”，说他涉嫌洗钱，要把存款转去“安全账户”核查。我们找到他的时候，他已经在宾馆里按对方说的转了五万，他还一直说“警官交代了不能告诉你们”，我们现在应该先去银行还是先去派出所？'),
    ('impersonate_acquaintance', 'grandchild_teacher_fee', 'sms', '您好，我是朵朵的数学老师，本学期资料费请直接转我个人账户，收到后回孩子姓名。'),  # subtle
    ('loan', 'fee_first_loan', 'chat', '叔叔，贷款批了八万，但卡号填错资金被冻结，交10%解冻金马上到账。'),
    ('loan', 'elder_care_loan', 'sms', '【养老dai】凭养老金卡可贷30万，当天放款，电话400-629-3318'),
    ('impersonate_service', 'courier_loss_compensation', 'sms', '【理赔通知】您的快递包裹（单号YT7732901845）运输破损已登记理赔，赔付288元，请添加理赔专员微信 kd-lp0618 办理。'),
    ('other_fraud', 'fake_charity_donation', 'chat', '各位叔叔阿姨，我们“银龄公益基金会”正在给山区孩子募捐，每捐满500元可获得“爱心老人”荣誉证书，还能抵个人所得税，捐款通道：http://ylgy-jjh.org/jz'),
    ('other_fraud', 'collectibles_auction_fee', 'call', '您好，请问是李长河先生吗？我是北京嘉禾盛世拍卖有限公司的业务经理小杨，我们在藏品登记系统里看到您登记过一枚咸丰重宝当千大钱。这个月我们在香港有秋季大拍，亚洲藏家对这个版别很感兴趣，按市场行情估价至少八十万。上拍前需要您先交3800元的鉴定费和图录制作费，成交以后从佣金里全额退回，这个名额我们只保留到周五。'),
    ('phishing', 'medical_balance_cashout_link', 'chat', '阿姨，医保卡余额年底作废，按九折兑现金，把医保电子凭证二维码截图发我。'),
    ('phishing', 'medical_balance_cashout_link', 'sms', '【医保】您医保个人账户余额５８２６元可兑换现金或米面油，年底清零，请登录 ybzh-dh.com 办理兑换。'),
    ('other_fraud', 'collectibles_auction_fee', 'sms', '【藏品征集】国际春季拍卖会面向全国征集古钱币、邮票、瓷器玉器，专家免费鉴定，成交后再付佣金，咨询热线400-816-2739。'),  # subtle
    ('phishing', 'fake_12333_page', 'sms', '【掌上12333】社保待退费1280元，请至 zs-12333.cc 申领。'),
    ('prize', 'lucky_elder_gift', 'call', '恭喜您老人家！您被评为我们公司本季度的“幸运长寿老人”，可以免费领一台价值四千八的按摩椅，只需付三百八的物流费，明天就送到家，您记一下客服电话 400-863-1275。'),
    ('phishing', 'elderly_subsidy_link', 'notice', '【好消息】国家发放老年人高龄津贴，80岁以上每月300元，90岁以上每月600元，还未登记的老人请子女扫码或打开 gaoling-bt.cn 登记，截止本月25日。'),
    ('prize', 'lottery_win_fee', 'chat', '阿姨，您在超市抽中的三等奖是一台全自动洗衣机，需要先付218元保险和运费，付款链接：http://cj-lingjiang.cn/pay 付完三天内送货上门。'),
    ('impersonate_acquaintance', 'child_new_number_request', 'sms', '爸，这是我新微信，您通过一下，有点事想跟您商量。'),  # subtle
    ('impersonate_service', 'medical_card_freeze_upgrade', 'retelling', '我爸说有个“医保中心”的打电话，说医保卡要升级，不然不能报销，让他把手机收到的验证码念一遍，念完他医保个人账户里的一千多块就没了。'),
    ('investment', 'elder_care_project_dividend', 'chat', '叔叔，下周三我们董事长从深圳过来开养老产业说明会，会场在国际饭店，来了有伴手礼，听听国家养老政策也好，您帮我带几个老伙伴来呗？'),  # subtle
    ('shopping', 'phone_medicine_sales', 'sms', '阿姨您好，您在用的降糖药已有升级版“胰岛素替代丸”，吃了可以停针，老用户有配额，先给您寄两盒试用，货到付款，订药电话 400-659-2087。'),  # subtle
    ('phishing', 'pension_certification_link', 'retelling', '我妈在老年群里看到有人转发“2026年养老金资格认证通知”，她点了链接，页面做得跟掌上12333一模一样，有国徽、有人社部的字样。先让填身份证号和手机号，又让填银行卡号和取款密码，说是核对发放账户，最后还让她对着手机眨眼刷脸。填完第二天早上她收到几条扣款短信，工资卡里的三万多全被转走了。那个链接是rs-rz12333.com，现在已经打不开了。'),
    ('impersonate_acquaintance', 'grandson_accident_bail', 'call', '奶奶，是我啊，我是您大孙子，我跟人打架把人打伤了，现在在派出所，要交两万块保证金才能出来，您千万别告诉我爸妈，我同学一会儿过来取钱。'),
    ('impersonate_acquaintance', 'old_comrade_classmate_loan', 'call', '老同学，猜猜我是谁？听不出来啦？我是你高中同桌啊！'),  # subtle
    ('prize', 'free_eggs_rice_oil', 'notice', '免费领鸡蛋！60岁以上凭身份证连领15天，电话0311-8603 2719'),  # subtle
    ('shopping', 'livestream_fake_health_goods', 'sms', '【亿家直播】您关注的主播“健康李姐”正在直播，老年专场1元秒殺“灵芝孢子粉”，限前100名，立即进入 m.yj-zb.cn/live'),
    ('romance', 'widower_online_investment', 'chat', '美兰，认识你这两个月，是我老伴走后最开心的日子。我侄子在做外汇，一个月收益20%，我给你开个账户，你先投两万试试：fx-huiying.com ，赚了给你买套好衣服。'),
    ('shopping', 'elder_shoes_massage_chair', 'sms', '【健步福老人鞋】清倉特價，原价398现仅需59元，满两双送按摩拖鞋，货到付款，点击 jbf-shoes.shop 下单。'),
    ('impersonate_service', 'courier_loss_compensation', 'call', '您好，请问是王桂兰阿姨吗？我是快递公司的理赔客服，您孩子给您寄的保健品在运输途中丢了，我们按三倍赔付，您打开微信，我教您怎么操作领取。'),  # subtle
    ('other_fraud', 'reverse_mortgage_trap', 'sms', '叔叔您好，国家新出台“住房反向抵押养老”试点，您家所在片区已纳入，名额限30户，房屋评估免费，详询王经理 0755-8362 1947。'),  # subtle
    ('other_fraud', 'reverse_mortgage_trap', 'notice', '【以房养老 政策惠民】年满60周岁、名下有房产的老人均可申请，房子照住，每月额外领取养老补充金，由专业机构全程代办手续，欢迎子女陪同咨询。地址：建设路社区服务站旁二楼，电话0851-8577 3160。'),  # subtle
    ('other_fraud', 'free_lecture_supplements', 'call', '叔叔，您是我们的老会员了，这次北京总部来的专家只在咱们店停三天，名额都是内部留的，您带上身份证和最近的体检单过来，专家免费给您看，买不买药您自己说了算。'),  # subtle
    ('prize', 'lucky_elder_gift', 'sms', '【幸运老人】恭喜您获“健康长寿大礼包”一份，回复姓名和地址免费寄出。'),  # subtle
    ('impersonate_service', 'social_card_replacement', 'notice', '【社保卡换发通知】本小区第三代社保卡集中换发，请60岁以上居民携带身份证、旧社保卡、银行卡于周二上午到一号楼下办理，工作人员现场代办，咨询电话0431-8175 2290。'),  # subtle
    ('loan', 'loan_in_elder_name', 'chat', '大爷，您只要用身份证和养老金卡帮我们公司做个“担保认证”，每月给您八百块报酬，贷款我们公司自己还，跟您一点关系都没有。'),
    ('other_fraud', 'fake_free_clinic', 'retelling', '我爸早上在公园遇到“免费义诊”，搭了个帐篷，几个穿白大褂的年轻人给他测了骨密度和血脂。一个自称“主任医师”的人说他有早期脑梗风险，血管堵了百分之七十，给他开了三个疗程的“中药胶囊”，一共四千八，还叮嘱他把医院开的降压药停了，说西药伤肝。我看了一下盒子，连生产厂家和批号都没有，这药我爸已经吃了一周，怎么办？'),
    ('other_fraud', 'commemorative_coin_buyback', 'sms', '张阿姨您好，您收藏的建国纪念金钞已进入回购目录，按规定需凑齐全套才能回收，补购“珍藏版”配套册后可按全套价结算，请来公司办理，地址：文化路136号。'),  # subtle
    ('other_fraud', 'fake_charity_donation', 'sms', '【爱心接力】甘肃山区孤寡老人冬季缺棉衣，一份爱心仅需50元，请扫码或转账至爱心专户，好人一生平安。详见 t.cn/A6xK9pQe'),
    ('impersonate_authority', 'civil_affairs_subsidy_officer', 'sms', '【民政局】尊敬的老人：根据最新文件，您符合本年度困难老人生活补贴条件，请于本周五前携身份证、银行卡到社区工作人员处登记，联系人赵科长 132 4615 2703。'),  # subtle
    ('investment', 'elder_care_project_dividend', 'sms', '阿姨您好，我们养老院项目已在民政局备案，投资10万每月固定分红1500元，三年返还本金并赠送床位，首批仅剩8个名额，详询陈经理 0512-6271 4408。'),
    ('impersonate_authority', 'pension_suspended_threat', 'sms', '【人社部門】您的養老金賬戶存在異常，將於本月起停發，請立即聯繫處理：0755-2893 6071。'),
    ('shopping', 'livestream_fake_health_goods', 'retelling', '我妈直播间花890买的“量子富氢水杯”，到手是个塑料杯，客服还把她拉黑了。'),
    ('impersonate_acquaintance', 'former_leader_favor', 'sms', '老刘，我是原来厂里的王书记，换号了，明天上午来我办公室一趟。'),  # subtle
    ('impersonate_acquaintance', 'grandson_accident_bail', 'chat', '爷爷，我手机摔坏了，这是同学微信，急需八千，先转给他，别告诉我妈。'),
    ('phishing', 'elderly_subsidy_link', 'chat', '爷爷奶奶们注意啦，老年人“惠老补贴”开放申请，每人可领1200元，名额有限，点这个链接申请：http://hl-butie.cn/sq 填身份证号和银行卡就行。'),
    ('shopping', 'elder_shoes_massage_chair', 'retelling', '我妈看电视购物频道，主持人和“专家”轮番说一款“零重力太空舱按摩椅”能疏通经络、治颈椎病，原价两万八，限时特价六千八，前五十名还送足疗机。她打电话订了一台，送来的东西一坐就咯吱响，加热功能根本不热，说明书上连厂址都没有。我们打那个400电话要退货，客服先说已过七天退货期，又说要扣三千“拆封费”，现在电话都打不通了，这能找谁投诉？'),
    ('other_fraud', 'cheap_tour_forced_shopping', 'chat', '阿姨，咱们这趟“感恩回馈游”是公司出钱，您一分不用掏，就是中途去我们合作的药材基地参观一下，买不买随您，您把身份证号发我，我帮您订车票。'),  # subtle
    ('impersonate_authority', 'pension_suspended_threat', 'retelling', '我妈前天接到一个电话，对方说是“市人社局养老保险科”的，能报出她的名字和身份证号，说她的养老金发放有问题，下个月起要冻结。接着电话转给一个自称“经侦支队”的“公安”，说她的身份证被犯罪团伙拿去开了银行卡，涉嫌洗钱，要她把存款转到一个“安全账户”接受资金审查，审查完退回。她已经去银行排队了，柜员觉得不对把我叫了过去。'),
    ('investment', 'illegal_fundraising_monthly_dividend', 'sms', '王姨，咱们合作社这个月的利息已经发了，存一万每月三百，比银行强多了，您那八万定期到期了吧？到期就转过来，我给您办。'),
    ('impersonate_service', 'bank_customer_service', 'call', '您好，我是银行客服，您的养老金卡检测到异地大额消费，为保障资金安全，需要您把钱转到我们的临时保护账户，稍后短信会发给您账号。'),
    ('impersonate_authority', 'court_summons_fee', 'retelling', '我奶奶接到个语音电话说法院有传票，按9转人工后，对方说她欠了网贷要被起诉，只要交三千“保全撤诉费”就能撤案，她根本没借过网贷。'),
    ('prize', 'member_anniversary_draw', 'sms', '老会员专享：您有一次免费抽奖机会，明早来店里现场抽，电视机等您拿！'),  # subtle
    ('other_fraud', 'reverse_mortgage_trap', 'chat', '阿姨，我们是正规的养老服务公司，您把房子“抵押”给我们指定的出借人，借出来的钱放在公司做理财，每月给您分红3%，一年就是36%，比您那点退休金强多了。'),
    ('other_fraud', 'reverse_mortgage_trap', 'retelling', '我外婆前年跟一个“养老理财公司”签了合同，业务员天天上门送水果、陪聊天，说房子抵押出去每月能领一万多利息。他们还开车带她去公证处办了一份“全权委托书”，她根本看不懂写的什么。今年春节后公司跑路了，我们才发现房子早就被过户给一个不认识的人，现在对方拿着房产证上门让我们搬走，外婆今年八十二了，这事还能打官司要回来吗？'),
    ('other_fraud', 'elder_home_bed_presale', 'chat', '阿姨，上回您说想找个离儿子近的养老院，我们在城南新开的院有湖景房，这周六有参观团，包车包饭，我跟院长说了给您留个名额，到时候您先看看再说。'),  # subtle
    ('impersonate_authority', 'medical_insurance_misuse', 'call', '您好，这里是医保局基金监管处，您的医保卡在哈尔滨一家医院被人开了两万三千多元的药，涉嫌骗保，我们要依法冻结，如果不是您本人操作，现在帮您转接当地公安报案。'),
    ('prize', 'lottery_win_fee', 'sms', '恭喜您在我台“歡樂中老年”节目中被抽中二等奖，奖金68000元及笔记本电脑一台，请速登录 hlzln-tv.com 领奖，验证码8821。'),
    ('investment', 'private_fund_guaranteed', 'retelling', '我爸去年在银行门口被一个穿西装的“理财经理”拉去隔壁写字楼喝茶，那人说是银行的合作机构，签了一份“私募基金”合同，合同上写着“保本保息，年化12%”，他把刚到期的三十万定期全投了进去。前两个季度利息按时到账，今年突然通知“项目延期、暂停兑付”。我们去银行问，银行说跟那家公司根本没有任何关系，现在怎么办？'),
    ('investment', 'original_shares_ipo', 'chat', '叔叔，那家企业的事微信上不好细说，明天来公司喝茶，董事长亲自跟您聊。'),  # subtle
    ('impersonate_acquaintance', 'former_leader_favor', 'call', '小陈啊，听出我声音了吗？我是你老领导啊。我有个朋友急需一笔钱周转，我这边不方便出面，你先帮我垫两万打给他，我下周一就还你。'),
    ('other_fraud', 'elder_home_bed_presale', 'notice', '颐康养老公寓床位火热预售！一次性预交10万元锁定终身床位，每年返还8%“养老补贴”，不入住可随时退，现在签约还赠送三年护理费，咨询热线400-712-5806。'),
]
