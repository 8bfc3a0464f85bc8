ROWS = [
('romance', 'dating_app_hiking_first_hello', 'chat', '你好呀，看你资料上写喜欢徒步，我也是～我平时在深圳做跨境电商，周末常去梧桐山，你一般去哪爬？'),  # subtle
('investment', 'dating_partner_shows_gold_platform', 'chat', '宝贝你看，这是我今天在金泰国际上做的黄金短线，三单赚了4800，我舅舅在平台做风控，知道数据什么时候回调。你先注册一个账号，入金5000试试，我带你操作，亏了算我的。下载地址 jintai-gold.vip/app'),
('romance', 'wrong_number_tea_appointment', 'sms', '王总，明天下午三点的茶还约在老地方吗？我把上次说的那款白茶也带过去。'),  # subtle
('romance', 'wrong_number_apology_make_friends', 'chat', '哎呀不好意思发错人了😅 不过也算缘分吧，我叫林雨晴，在杭州做服装设计的，能加个好友聊聊吗？'),  # subtle
('investment', 'aunt_dating_site_taiwan_futures', 'retelling', '我小姨去年离婚后在一个婚恋网站认识了个“台商”，天天早安晚安，聊了两个月开始说他在做“期货对冲”，拉她下了个叫“鼎盛环球”的APP。头两次充一万、两万都能提出来，后来她把房子抵押贷了六十万全投进去，账面涨到一百多万，想提现却说要先交20%的“个人所得税”，交完又说账户异常要交保证金。这时候人已经把她拉黑了，我们才明白是杀猪盘，报警时钱早转走了，那个“台商”的头像原来是从网上盗来的一个网红照片，连名字都是假的。'),
('romance', 'un_surgeon_parcel_customs_fee', 'chat', 'My dear，我是在也门联合国维和医疗队的外科医生James，合同还有三个月到期。我已经把积蓄和给你的礼物装进包裹寄给你了，现在卡在广州海关，他们说要交18600元清关费，我这边的账户被冻结了，你先帮我垫一下，我回国第一件事就是来见你❤'),
('romance', 'soldier_abroad_discharge_fee', 'chat', '亲爱的，部队批准我提前退役了，但要交一笔离队申请费才能放我走，大概三万五千元。我的军饷卡在这里取不出来，你能帮我付给我们长官的秘书吗？她会给你发收款账号，等我回去全部还你，然后我们就结婚。'),
('romance', 'marriage_site_diamond_vip_match', 'sms', '【缘定今生婚恋】尊敬的会员，系统为您匹配到3位高度契合的优质对象（年薪50万+，有房有车），升级钻石VIP（1999元/季）即可查看联系方式并安排红娘一对一牵线，点击 yuanding-love.cn/vip 立即开通。'),
('romance', 'blind_date_teahouse_bill', 'retelling', '上周相亲网站认识的女生约我在一家茶楼见面，说是她朋友开的。坐下她就点了一壶“大红袍”和几盘果盘，聊了不到一小时结账8600，服务员站一圈不让走。后来我才知道这叫茶托，我就是被骗的那个。'),
('romance', 'companion_app_ranking_gift', 'chat', 'gg你今天好久没来看我了呢🥺 今晚我冲榜，差一点点就进前三了，你给我刷个“浪漫游艇”好不好？就在心语陪伴APP里，刷完我开私密视频陪你聊～'),
('other_fraud', 'nude_video_recorded_threat', 'chat', '你刚才的视频我已经录下来了，你通讯录里的人我也全拿到了，包括你老婆和你们公司领导。不想明天他们都收到的话，今晚12点前转38000到这张卡：6228 4817 0093 5526 771 户名周某。别报警，报警我马上群发。'),
('impersonate_acquaintance', 'hacked_qq_friend_credit_card', 'chat', '在么？急用钱 信用卡今天最后还款日 我手机银行转不了 你先帮我转5000到我表弟卡上 明早就还你哈 6217 0036 5590 1284 433 张浩'),
('investment', 'stock_assistant_sms_reply_one', 'sms', '您好，我是鑫瑞财富的助理小陈，我们首席老师本周在群里免费分享三只低位潜力股，仅限今天入群，有兴趣回复1。'),  # subtle
('investment', 'insider_stock_vip_channel', 'chat', '各位家人，明天的内 幕 票已经锁定，机构要拉三个板。名额有限，只给VIP通道的朋友，会员费6800，开通入口 vip-neimu.top 今天下午三点截止。'),
('investment', 'usdt_cross_platform_arbitrage', 'post', '跨平台ＵＳＤＴ搬砖，每天稳定收益2%-5%，我带了三个月一单没亏。不懂没关系，下载“币盈通”照着操作就行，需要的兄弟评论区扣1，我拉你进交流群。'),
('investment', 'cloud_mining_machine_rental', 'notice', '【算力宝】雲礦機限时租赁：入门款S19 Pro算力包 3980元/台，日产出约120元，90天回本，全程托管无需操作，收益每日自动到账。扫码下载APP：slb-mining.top/dl'),
('investment', 'digital_collectible_whitelist', 'post', '国潮数藏平台“元藏阁”新一期《敦煌飞天》限量发售，首发价99，上一期二级市场已经炒到2800了！白名单今晚20点抢，注册链接：yzg-nft.cc/r/8821 填我邀请码6621多一次抽签机会。'),
('investment', 'wealth_app_income_tax_unfreeze', 'complaint', '我在“恒瑞理财”APP上投了12万，现在显示余额27万，申请提现一直审核中。客服说我的收益超过门槛，要先缴纳收益的15%作为个人所得税才能解冻，交了4万后又说银行卡号填错导致账户冻结，需要再交50%的解冻金。这正常吗？到底怎么才能把钱拿出来？'),
('impersonate_service', 'broker_suitability_review_sms', 'sms', '【国泰君安】尊敬的客户，您的证券账户因未完成适当性复核将于今日限制交易，请于24小时内登录 gtja-khfw.com 完成身份验证及银行卡绑定。'),
('other_fraud', 'loss_recovery_lawyer_team_call', 'call', '喂，您好，请问是刘女士吗？我们是金盾追损律师团队，了解到您之前在“汇丰环球”平台投资受损。我们和平台后台有合作渠道，可以帮您追回80%的本金，前期只需支付10%的服务费和律师备案费，您看方便加我微信详细说一下吗？微信号 jd-zs2024'),
('romance', 'game_teammate_same_city', 'chat', '今晚还一起排位不？你那手瑶真的稳，跟你打一点都不累哈哈。看你定位在成都，我也是成都的诶'),  # subtle
('investment', 'game_friend_lottery_plan_site', 'chat', '跟你说个秘密，我表哥在一个cp计划网站做技术，能看到后台的开奖规律，我这个月跟着他的计划赚了两万多。想试的话网址 cp-jihua88.com 注册填我邀请码，先充500跟一把小的。'),
('romance', 'online_lover_mother_stent_surgery', 'chat', '宝宝，我妈今天查出来要做支架手术，押金要交六万，我的钱都压在货款里了，能不能先借我两万？下个月回款就还你，真的很抱歉开这个口😭'),
('romance', 'lover_plans_house_joint_licai', 'chat', '老婆，我想好了，明年我们就在杭州买房。首付我出大头，你也存一点，我们一起放到我那个理财平台上，一年能多出十几万，装修钱也有了。你先开个户 hm-licai.top/reg'),
('romance', 'oil_rig_engineer_first_letter', 'email', '亲爱的晓雯：我是在北海钻井平台工作的工程师Daniel，这是我第一次给中国朋友写信。你的照片让我想起我已故妻子的笑容，我每天下班都会看你的消息。我打算明年合同结束后去中国定居，想先寄一些首饰作为心意，请告诉我你的详细地址和电话。爱你的Daniel'),  # subtle
('romance', 'intl_parcel_antimoney_cert_fee', 'sms', '【环球速递】您的国际包裹(单号GX78201934CN)内含现金及贵重物品，需缴纳关税及反洗钱证明费共计26800元，逾期退回寄件国，详询客服李女士 薇信：hqsd-kf01'),
('romance', 'matchmaking_agency_decoy_dates', 'retelling', '我表哥三十八了一直没结婚，去了一家叫“良缘阁”的婚介所，交了三万八会员费，说保证一年内介绍成功。每次介绍的女孩都要先去指定的餐厅吃饭，吃完就说“不合适”，后来发现好几个女孩都是婚介自己安排的托，合同上还写着概不退款。'),
('romance', 'tantan_girl_bar_whisky_bill', 'question', '探探认识的女孩聊了三天约我去她朋友的酒吧，她开了瓶洋酒要我买单一万二，我现在在门口，这是酒托吗？'),
('impersonate_authority', 'fake_cyberpolice_delete_video_fee', 'chat', '我们是网警，监测到你在涉黄直播平台有裸聊行为，视频已被对方上传境外服务器。现在可以帮你删除，但需要你配合缴纳技术处理费，否则视频今晚就会扩散。'),
('impersonate_acquaintance', 'boss_wechat_urgent_deposit', 'chat', '小王，我在开会不方便接电话。有个合作方的定金要马上付，你先从公司账户转48万到这个账户，合同回头补给你：中国银行 6216 6101 0002 7783 915 深圳华胜贸易有限公司，转完截图给我。'),
('impersonate_acquaintance', 'old_classmate_wallet_stolen', 'chat', '老同学好久不见！我是高中坐你后面的李强，换号了。出差钱包被偷了，能先借我三千吗，转我老婆支付宝，账号 lq-wife1989 昵称小芳，回去马上还你'),
('investment', 'group_ipo_institution_seat', 'chat', '恭喜群里的家人！上周通过机构席位打新中签的“芯源科技”今天上市涨了280%。下一只本周四申购，中签率100%，须通过合作的“中汇证券”专用通道认购，每签五万起，先到先得。'),
('investment', 'original_shares_bse_listing_call', 'call', '您好张先生，我是深圳一家投资管理公司的顾问。我们手里有家新能源企业的原始股，明年在北交所上市，现在内部认购一块八一股，上市后保守十倍。这个消息不对外，您感兴趣的话我把资料发您微信上。'),
('investment', 'leverage_allocation_ad', 'post', '配资找我，1:10杠杆，5万本金可操作55万，T+0当天进出，利息低至每日万五，开户送888体验金。正规资管系统，资金有保障，加薇信：pz-laoliu888'),
('investment', 'forex_nonfarm_win_share', 'chat', '今天非农数据一出，我按老师的提示做空美元日元，一个小时翻了40%，截图给你看。想学的话我把你拉进交流群，老师每天免费讲课。'),  # subtle
('investment', 'gold_night_session_signal', 'sms', '黃金夜盤走勢明確，導師實盤喊單，今晚勝率95%！新用戶開戶即送500元體驗金，不入金也可跟單。立即下載：hjq-gold.cc/d 回T退订'),
('investment', 'elderly_care_bed_national_strategy', 'notice', '“康养中国”国家战略养老项目会员招募：投资2万元认购一张养老床位，每月返还收益600元，五年后本金全额退还，另享免费入住权。名额有限，详询 400-618-5527 或登录 kyzg-yanglao.cn 预约。'),
('other_fraud', 'fake_leukemia_boy_donation', 'post', '紧急求助！河南周口5岁男孩小宇确诊白血病，父母卖房还差30万手术费，医生说再不做骨髓移植就来不及了。求好心人帮忙转发，捐款通道 c.qc77.cn/Xk2p 每一块钱都是希望🙏'),
('other_fraud', 'taoist_tai_sui_ritual_fee', 'chat', '施主，我看你八字今年犯太岁，下半年有血光之灾，还会连累家人。本道可为你做一场“化煞祈福”法事，供奉功德金3888元，心诚则灵，做完运势就转了。'),
('other_fraud', 'breakup_recovery_coach_course', 'post', '分手了想挽回？情感导师莉莉一对一指导，已帮3000+学员复合成功，挽回率92%！前三天免费咨询，私教课9800元包挽回，失败全额退款。加V❤：lili-qinggan 备注“挽回”'),
('romance', 'nearby_people_widower_wine_trader', 'chat', '你好，在附近的人看到你，感觉你很有气质。我叫陈默，做红酒进口的，妻子前几年病走了，一个人带孩子在上海，能交个朋友吗？'),  # subtle
('romance', 'douyin_cooking_comment_lonely', 'post', '姐姐你做的菜看着好香啊，我一个人在外地好久没吃过家里的味道了😢 可以私信问问做法吗'),  # subtle
('investment', 'casual_chat_hk_ipo_brag', 'chat', '刚开完会，今天大盘跳水我们几个客户还是赚了，做的港股打新。你平时炒股吗？不炒也好，散户都在给机构送钱。'),  # subtle
('investment', 'finance_show_training_camp_sms', 'sms', '股友您好，《财经先锋》周启明老师新开实战训练营，每天盘前分享一只短线标的，添加助理即可免费旁听。'),  # subtle
('romance', 'wrong_number_florist_greeting', 'sms', '张姐您好，您订的那束香槟玫瑰收到了吗？花还满意的话下次还找我哈～'),  # subtle
('romance', 'soul_signature_poet_opening', 'chat', '在Soul上匹配到你，签名“晚风和你都刚好”是你自己写的吗？一个人的夜晚总想找人聊聊。'),  # subtle
('investment', 'crossborder_store_guaranteed_profit', 'chat', '我现在主要做跨境电商，平台是我们香港公司开发的“全球优选”，开个店上架商品（后台 qqyx-shop.com）系统自动出单，一个月保底利润两三万。你不想上班的话我带你做，保证金两万就够。'),
('romance', 'online_gf_pushes_multiple_loans', 'retelling', '我弟在网上谈了个女朋友，一次面都没见过，对方一直劝他在平台上“跟单”，说赚了一起买房。弟弟没钱，她就教他在好几个网贷APP上借，一共借了二十三万全充进去，最后平台关了，人也不见了，现在催收电话天天打到我家。'),
('loan', 'loan_wrong_card_verification_deposit', 'chat', '您好，这里是速融贷审核部。您申请的8万元贷款已审批通过，但您填写的银行卡号有一位错误，资金已被系统冻结，需先转入10%即8000元作为解冻验资，验证成功后连同本金一起打到您账户。'),
('loan', 'girlfriend_recommends_low_rate_loan', 'chat', '你不是说最近周转紧吗，我表姐在“安心借”上班，年化才3.6%当天到账，让她给你走绿色通道，下载 axj-loan.cn 填资料就行，记得写我推荐的哦'),
('phishing', 'jiayuan_abnormal_login_link', 'sms', '【世纪佳缘】您的账号存在异常登录，请于今日内点击 jiayuan-safe.top/v 进行实名复核，逾期账号将永久冻结且VIP余额清零。'),
('phishing', 'qq_party_photo_login_link', 'chat', '这是我们上次聚会的照片，你看看里面有没有你 → qzone-photo.co/a/x7Kq 要登录QQ才能看'),
('prize', 'dating_app_qixi_draw_tax', 'sms', '恭喜！您在“遇见APP”七夕活动中抽中二等奖：iPhone 16 Pro及现金红包6888元，请48小时内登录 yujian-qixi.cc 填写领奖信息并缴纳个税后发放。'),
('shopping', 'suitor_family_wuyi_tea_garden', 'chat', '我家在武夷山有个茶园，今年头春的岩茶刚做出来，外面卖两三千一斤，你要的话内部价六百给你，还能帮你卖给朋友，赚的都算你的。'),
('rebate_task', 'new_friend_douyin_like_parttime', 'chat', '我下班在做个兼职，给抖音主播点赞关注，一单3块，一天两三百。我拉你进任务群，先做几单免费的试试，后面还有充值返利的大单。'),
('impersonate_authority', 'recovered_loot_fake_police_verify', 'call', '您好，我是市公安局经侦支队的民警，您之前报案的网络投资案件我们已经抓获嫌疑人，追回部分赃款。现在需要核实身份，请把您的银行卡号、身份证号和收到的验证码报给我，我们好安排返还。'),
('impersonate_service', 'fund_custody_transfer_screen_share', 'call', '喂您好，我是易方达基金客服，系统显示您持有的基金因监管新规需要转入新的托管账户，否则会被强制赎回并收取5%手续费。我给您发个会议号，您下载腾讯会议后共享屏幕，我一步步指导您操作。'),
('investment', 'crypto_contract_mentor_tease', 'chat', '你还在做现货吗？圈子里现在都玩合约，老师带单一晚上吃了三个点位，我跟了一次就回本了。你有兴趣我问问老师还收不收人。'),  # subtle
('romance', 'singapore_banker_weather_care', 'chat', '早安呀，新加坡今天下雨了，想起你说你那边降温，记得多穿点，别又胃疼。我今天去银行开会，晚点再陪你聊☺️'),  # subtle
('investment', 'health_seminar_overseas_listing_shares', 'narrative', '68岁的退休教师老赵在公园被一个小伙子热情地拉去听“健康讲座”，连续七天领了鸡蛋和挂面。第八天，台上的“董事长”说公司响应国家大健康战略，即将在海外上市，老会员可以按每股2元认购原始股，上市后至少翻二十倍，还承诺每月分红3%。老赵把存了二十年的38万全部认购，头三个月确实收到了分红，第四个月门店关了门，“董事长”的电话再也打不通，讲座上那些热情的“会员”也一个都找不到了。老赵到现在都不敢跟在外地工作的儿女说这件事。'),
('romance', 'hk_fund_manager_added_by_mistake', 'chat', '不好意思，搜手机号加错人了，本来要加客户刘总的。看你头像挺阳光，我叫苏蔓，在香港做基金，平时很少交朋友，打扰别介意哈'),  # subtle
('romance', 'syria_mission_gold_bars_diplomat', 'chat', 'baby，我在叙利亚执行任务时得到了一批金条，不能自己带出去，找了位外交官帮忙运回中国交给你保管。外交官到上海机场需要你付3万通关证明费，以后这些都是我们的未来。'),
('romance', 'online_bf_card_declined_airport', 'chat', '老婆我到机场了，我的卡在国外刷不了，机票得重新买还差四千五，你先帮我付一下好吗？链接 air-ticketcn.com/pay 登机了就给你打电话😘'),
('romance', 'foreign_gf_embassy_fund_proof', 'chat', '亲爱的我终于约到签证面签了！但大使馆要我账户上有五万块资金证明，我自己存款不够，你能先转给我吗？到了中国就还你，我们终于能见面了❤️'),
('romance', 'escort_gamer_guardian_recharge', 'dialogue', '男：今晚还能陪我打几局吗？ 陪玩：可以呀，不过平台新规要先在“甜心陪玩”充值成为守护者，最低520一档。 男：上次不是直接扫码就行？ 陪玩：现在查得严嘛，充了我多陪你两小时，还能加我私人微信哦～'),
('other_fraud', 'video_chat_app_contacts_permission', 'dialogue', '女：哥哥开视频吧，微信视频不清楚，你下载“私语”APP我在那等你 男：还要装APP？ 女：嗯，装完授权一下通讯录和麦克风就能连上，人家都准备好了～ siyu-live.top/apk'),
('impersonate_acquaintance', 'son_phone_in_water_new_number', 'sms', '妈，我手机掉水里了，这是新号你存一下。在上课先别打电话，加我新微信：zhj-2006xs'),
('impersonate_acquaintance', 'nephew_car_accident_settle', 'call', '舅舅，是我啊，听不出来了？我开车撞了人，对方说不赔钱就报警，我不敢跟我爸说，你先借我两万私了行吗？转到交警队王警官卡上，卡号我短信发你。'),
('impersonate_service', 'zhenai_duplicate_charge_cancel', 'call', '您好，我是珍爱网客服，您开通的会员因系统升级被重复扣费，每月会自动扣款680元。为了帮您取消，需要您打开支付宝备用金，按我说的步骤把借出的钱转到我们清算账户验证，验证后全部退还。'),
('phishing', 'nft_airdrop_wallet_connect', 'post', '【空投福利】Moonlight Cats第二季白名单开放，前1000名连接钱包免费领盲盒，地板价已到0.8 ETH！速去 mooncats-claim.xyz 授权钱包后自动到账'),
('investment', 'usdt_cheap_otc_prepay_card', 'chat', '老哥我这有一批U低价出，比币安C2C便宜0.2，一万U起，你先把钱打到这张卡，看到就放币：6230 5200 1147 8093 225 陈'),
('investment', 'metaverse_land_buyback_promise', 'notice', '元宇宙“星海城”二期土地开放认购，每块虚拟地块仅1888元，官方承诺半年内回购价不低于5000元，并可出租给品牌方赚取每日租金，推荐好友认购再得10%佣金。官网：xinghaicity-meta.com'),
('impersonate_service', 'bank_wealth_manager_vip_product', 'chat', '王阿姨，我是招行的理财经理小刘呀，这个月行里有款内部专属产品，年化8.5%保本保息，只给VIP客户，额度就剩两百万了，要我帮您留一份吗？要转到项目专户，我把账号发您。'),
('impersonate_authority', 'social_security_lump_sum_pension', 'call', '阿姨您好，我们是社保局下属的养老服务中心，国家有个新政策，一次性补缴三万元每月就能多领一千八养老金，终身有效，年底截止，明天上午社区有专人办理，您带上身份证和银行卡过来就行。'),
('other_fraud', 'flood_relief_fake_foundation_email', 'email', '主题：“温暖同行”灾区援助捐赠倡议书 各位爱心人士：近期南方多地遭遇洪灾，数万群众无家可归。中华温暖公益基金会现发起紧急募捐，善款将全部用于购买帐篷、药品和饮用水。捐款账户：中华温暖公益基金会 中国建设银行 6227 0023 8815 4406 192。单笔捐赠满200元可获电子荣誉证书，并在基金会官网公示芳名。感谢您的善举，让爱心传递到每一个需要的地方！如需开具捐赠票据，请将转账截图及姓名发送至 wennuan-gongyi@wnjjh-mail.cn。'),
('other_fraud', 'guanyin_birthday_online_lamp', 'post', '今日观音菩萨圣诞，线上供灯一盏保全家平安，供奉者姓名由法师每日诵经回向。点灯请加师父扣扣：2873046519'),
('romance', 'kuaishou_single_mom_empathy', 'chat', '看了你好几个视频了，一个人带孩子真不容易，我也是离异的，特别能理解你。不图什么，就想有个能说话的人。'),  # subtle
('romance', 'blind_date_wine_bar_split_bill', 'question', '相亲认识的女生第一次见面，说不想去大饭店，带我去了家小清吧，两瓶红酒两万多，她说她付一半，这是不是被设局了？'),
('investment', 'uncle_quant_desk_hint', 'chat', '我舅舅在一家外资投行做量化，偶尔透露点消息给我，我跟着玩了半年还不错。不过这些都是内部的，不能乱说哈，你就当听个故事😄'),  # subtle
('investment', 'father_douyin_stock_group_all_shills', 'retelling', '我爸退休后在抖音刷到一个股评直播，被拉进了微信群。群里每天都有人晒收益截图，“老师”说要带大家做机构抢筹，让下载一个叫“东方汇金”的APP。我爸先投了五万，几天就显示赚了两万，于是把八十万积蓄全投了进去。后来提现说要交30%的风险保证金，交完之后群解散了，APP也打不开。报警后警察说，群里那些晒收益的全是托，整个群可能只有我爸一个真人，那个直播间的“老师”也根本不是什么持牌分析师，我们全家现在都在劝他别再信网上的“老师”了。'),
]
