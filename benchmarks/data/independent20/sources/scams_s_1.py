ROWS = [
('impersonate_service', 'taobao_downjacket_recall_call', 'call', '您好，请问是尾号0416的机主吗？我是淘宝平台售后专员，工号3321。您上个月在“暖冬优选旗舰店”买的那件白鸭绒羽绒服，质检抽查发现填充物不合格，厂家已经全国统一召回，按规定给您三倍赔付，一共四百八十六元。因为这笔订单确认收货超过十五天了，系统没法原路退，只能走支付宝的备用金通道。您现在打开支付宝，首页搜索“备用金”，点进去先别点别的，截个图发我，我一步一步教您，全程五分钟，不产生任何费用，您放心。衣服也不用寄回，您留着自己处理就行，我们这边只要您配合完成赔付登记，这个电话是录音的，您可以放心操作。'),
('impersonate_service', 'jd_warehouse_hold_sms', 'sms', '【京东】尊敬的客户，您近期订单商品因仓储批次异常暂停出库，稍后售后专员将致电说明处理方案，来电显示400-6187-339，请保持电话畅通。'),  # subtle
('impersonate_service', 'pdd_kids_cup_claim_chat', 'chat', '亲 这边拼多多官方理赔哈，您买的儿童保温杯被抽检不合格啦，要给您办退款+补偿，加下理赔专员微信 pdd_lp0928 备注订单后四位就好～'),  # subtle
('phishing', 'taobao_refund_link_trad', 'sms', '【淘寶】您購買的商品因質量問題已申請退款128.50元，請於24小時內點擊 tb-tuikuan.cc/r8Kx 填寫收款銀行卡信息，逾期將自動關閉。'),
('impersonate_service', 'douyin_mall_cream_screen_share', 'retelling', '我妈昨天接了个电话，说是抖音商城客服，讲她买的面霜有质量问题要退三百多，让她下个叫“云会议”的软件开屏幕共享。幸好我在旁边，一听就是骗子，赶紧挂了。'),
('impersonate_service', 'kuaishou_store_vip_autorenew', 'call', '喂您好，这边是快手小店官方客服。系统显示您在直播间下单时误开通了店铺VIP会员，每月自动扣费三百九十九元，今天是首期扣款日。如果不需要的话我这边协助您取消，您手边有常用的银行卡吗？也可以点我刚发您的短信链接 ks-vip-quxiao.com 自助取消。'),
('credit_record', 'jd_million_guarantee_close', 'call', '您好，我是京东金融客服，工号JD0932。您的账户之前购物时默认开通了百万保障服务，现在银保监统一整顿，要求个人用户全部关闭。您如果不关的话，每月会自动扣费八百，而且会作为一笔保险借贷上报征信，影响您以后房贷车贷，甚至子女政审。关闭流程有点复杂，您现在打开京东金融App，看一下金条和白条的可用额度是多少，我这边需要把额度先提出来做个清零核验，核验完系统会原路退回，您全程按我说的点就行，中途不要接别的电话，不然流程会中断。'),
('credit_record', 'student_account_cancel_sms', 'sms', '【抖音支付】检测到您在校期间开通的学生账户尚未注销，按最新监管要求须于今日内关闭，逾期将影响个人征信记录，详询0755-2291 8840。'),
('impersonate_service', 'sf_lost_parcel_triple_claim', 'call', '您好这里是顺丰速运理赔中心，您单号尾号6627的快件在中转时丢失了，我们按物品价值三倍给您理赔。需要您添加一下理赔专员的企业微信，二维码我现在发到您手机短信里。'),  # subtle
('phishing', 'cainiao_address_update_link', 'sms', '【菜鸟驿站】您的包裹因收件地址不详已滞留，请在48小时内点击 cn-yzhan.top/xg 更新地址，超时退回。'),
('rebate_task', 'courier_damage_group_task', 'retelling', '快递员打电话说把我的件摔坏了要赔偿，让我扫他发的码进群领赔款。进群先给了十几块红包，接着让下APP做“关注任务”，做到第三单说要垫付，前前后后转进去两千多，提现一直失败。'),
('shopping', 'livestream_phone_private_pay', 'chat', '宝子们直播间秒杀名额有限‼️平台抽成太狠了，想要的直接私窝走vx转账，iPhone16原价五千多这边一千九九'),
('shopping', 'livestream_jade_glass', 'retelling', '我爸在快手看玉石直播，主播说缅甸矿区直发、现场开料，花八千八拍了个镯子，到手拿去鉴定是玻璃的。再去找，主播早把他拉黑了，这种还能追回来吗？'),
('prize', 'livestream_fudai_assistant', 'chat', '恭喜您在昨晚直播间福袋中抽中一等奖🎁请添加小助理V：fudai_xiaoyu88 登记收货信息，24小时内有效哦'),  # subtle
('shopping', 'factory_closing_downjacket', 'post', '厂家倒闭最后三天！大牌同款羽绒服九十九元任选两件，直播间库存清完就关店，点主页小黄车跳转“清仓特卖”下单，付款后七个工作日发货，不支持退换。'),
('shopping', 'groupbuy_crab_qr_prepay', 'chat', '各位邻居，明天团的阳澄湖大闸蟹公母各四只一百二十八，产地直发，先群里接龙再扫我收款码，周五统一北门提货，过时不候～名额三十份，接满就截单哈🦀'),
('other_fraud', 'groupbuy_leader_fee', 'post', '招募社区团长‼️宝妈在家就能做，每天往群里发发链接，佣金日结。前期只需交三百九十九开通团长后台和选品权限，三天回本，名额只剩最后五个'),
('phishing', 'jd_coupon_app_download', 'sms', '【省钱联盟】您有一张满300减200的京东内部券即将过期，下载“券多多”App即可领取 qdd-app.cc/k2'),
('rebate_task', 'hidden_coupon_group_like', 'chat', '你好呀～我们是淘宝隐藏券内部群，每天发大额券，还有点赞任务领佣金，感兴趣加群 743519206 找管理员'),  # subtle
('phishing', 'xianyu_fake_paid_link', 'chat', '我以经拍下付款了哈，截图你看👇闲鱼那边显示订单冻结，说你账号没开通保证金，要你点这个认证一下才能收款 xianyu-zfbz.com/sh'),
('impersonate_service', 'xianyu_merchant_deposit_sms', 'sms', '【闲鱼】买家已付款，因您的账号未完成诚信卖家认证，货款暂被冻结。请通过 xy-kefu.top/bzj 联系在线客服缴纳保证金完成认证，认证后货款与保证金一并退回。'),
('shopping', 'xianyu_camera_move_wechat', 'chat', '相机还再吗 闲鱼老掉线 加v细聊 cam_laozhou'),  # subtle
('shopping', 'buyer_scan_guarantee_code', 'chat', '兄弟我这边习惯用平台的担保交易码，你扫一下就能收款，比等闲鱼确认收货快多了，很多卖家都这么弄，我把码发你？'),  # subtle
('phishing', 'zhuanzhuan_fake_escrow_card', 'chat', '转转担保交易你可能没用过，我已经在“转转安全交易”下单了，你打开 zz-danbao.net 输入银行卡号和验证码领款就行，很快的'),
('shopping', 'xianyu_switch_offplatform', 'retelling', '在闲鱼看中一台二手Switch，卖家说走平台要扣手续费，微信转他能便宜一百。我转了一千一，他说今天顺丰发，结果到晚上头像就变灰了，闲鱼上那个号也注销了。'),
('phishing', 'xianyu_seller_reverify_reply', 'sms', '【闲鱼】您的卖家账号近期存在异常交易，需完成二次实名认证，否则将限制发布宝贝，回复1获取认证入口。'),  # subtle
('game_trade', 'wzry_account_wechat_rebind', 'chat', '王者v10号 全英雄两百多皮肤 急出三千 走交易猫手续费太贵 直接微信转我给你换绑 诚心的来 v: wz_v10_chu'),
('game_trade', 'genshin_account_fake_platform', 'chat', '原神五星满命号，要的话咱们走平台交易安全点，我待会发你个“交易猫”的链接，你在那边下单就行'),  # subtle
('game_trade', 'hpjy_supercar_skin_koukou', 'chat', '和平精英玛莎拉蒂便宜出 内部渠道 扣扣2871 06439'),  # subtle
('game_trade', 'account_appeal_retrieve', 'statement', '本人王某，男，十九岁，在校学生。今年三月在一个QQ游戏交易群里，以一千二百元价格向网名“星河代售”的人购买王者荣耀账号一个，对方通过微信收款，并配合将账号绑定手机改为我的号码，当时称“售后包找回”。两天后该账号被原号主通过身份证实名申诉找回，我再联系卖家时已被删除好友，交易群也已解散，群主称不认识此人。我现在提供聊天记录、转账截图和对方微信号，请求帮助追回款项。另，该卖家在群内还以同样方式出售过多个账号，可能有其他受害人。'),
('game_trade', 'trade_platform_freeze_deposit', 'chat', '您好，您在本平台寄售的游戏账号已被买家下单，但您的收款账户未认证，资金已冻结。请登录 jiaoyi-yx.net 查看详情，需缴纳商品价格百分之三十的保证金解冻，解冻后连同货款一并打到您卡上。'),
('phishing', 'wzry_anniversary_scan_login', 'post', '王者周年庆官方内部活动🎉免费送限定皮肤，用QQ扫码登录即可领取，名额有限先到先得，手慢无！扫码后记得同意授权哦（评论区置顶二维码）'),  # subtle
('phishing', 'hpjy_free_skin_password', 'post', '【和平精英官方福利】全民免费送永久皮肤，点击 hpjy-fuli.cn/lq 输入QQ号和密码即可到账，仅限今天，转发三个群还能多领一套！'),
('impersonate_service', 'child_freeze_mom_phone', 'call', '小朋友你好，我是王者荣耀官方客服小雨姐姐，你刚才在活动页面领皮肤的时候操作失误了，系统判定你违规，账号马上要被冻结，你爸爸妈妈也会被罚款的哦。别怕，姐姐帮你处理。你现在悄悄去拿妈妈的手机，打开微信，点右上角加号扫一扫我发你的二维码，再输入妈妈的支付密码，这只是验证，钱马上会退回来。如果提示余额不足，就换成妈妈的银行卡再试一次。记住千万别告诉大人，被发现的话账号就永久封了，姐姐也帮不了你了。操作完把手机聊天记录删掉，这样系统才不会重复扣分。'),
('impersonate_service', 'minor_refund_center_call', 'call', '您好，请问是小朋友的家长吗？我们这边是游戏未成年人退款中心，您孩子上个月在游戏里充值了两千六百多，按规定可以全额退回，需要您先下载一个退款审核软件，链接我发您短信了，点 t.cn/Rk8vQ2 就能装。'),
('impersonate_service', 'child_used_mom_phone_transfer', 'retelling', '十岁的儿子在QQ上被所谓“游戏客服”说违规要封号，让他拿我的手机扫码、输密码，前后转出去八千多。孩子吓得不敢说，我看到账单才知道被骗，现在已经报警了。'),
('phishing', 'child_skin_parent_id_card', 'question', '孩子在QQ上被人说中奖送皮肤，对方让他加个群，群里“管理员”说要验证家长身份，让拍我身份证正反面和银行卡正面，还要报手机收到的验证码，这是不是骗子啊？'),
('game_trade', 'genshin_topup_half_price', 'post', '原神创世结晶五折代充～648只要320，官服直充不封号，需要的滴滴 V❤ ys_chong520'),
('game_trade', 'boosting_anti_ban_fee', 'complaint', '找的代练说保上王者，先付了一半定金三百，打了两天说号被系统检测了，要我再交两百“防封费”，不交就不还号，现在号密码也被改了，这种人怎么处理？'),
('shopping', 'concert_inner_seat_deposit', 'chat', '林北星演唱会上海站内场前十排，原价一千二八，我这有工作人员渠道一千八出，先付五百定金锁票，开演前一天电子票转你，不是我抢不到的那种，微信 lbx_piao_gege，今晚十二点前不定就给下一个了哦'),
('shopping', 'damai_proxy_grab_dm', 'post', '姐妹们要代抢吗 大麦猫眼都能抢 成功率九成 抢不到不收费 有需要私信我～'),  # subtle
('phishing', 'match_ticket_realname_trad', 'sms', '【大麥】您關注的城市足球聯賽主場門票已開售，實名購票請訪問 damai-piao.vip 完成身份驗證，名額有限。'),
('impersonate_acquaintance', 'qq_friend_festival_ticket', 'chat', '在吗？我在抢音乐节的票，我卡里额度不够了，你先帮我垫一下六百八，直接转到黄牛这张卡上，卡号我截图发你，晚上一到家就还你，急！！别打电话我这边信号不好'),
('shopping', 'transferred_eticket_invalid', 'narrative', '小陈在小红书上找人转了两张看台票，一张一千四，对方发来电子票二维码截图。演出当天到体育场一刷，闸机显示“已使用”，她再回去找卖家，对方已经把她拉黑，账号也改了名字。'),
('shopping', 'korea_album_daigou_group', 'post', '韩专代购开车🚗 新专十张起拼，截单后统一付全款，小卡随机，预计一个月到，车主信誉保证，进车群+VX：kalbum_car07'),
('other_fraud', 'birthday_screen_fundraising', 'post', '【应援集资】为哥哥二十五岁生日承包地铁站大屏！目标八万，满额后公示账单，集资链接 jizi.zeyou-fans.cn 支持微信支付，也可转账到后援会负责人账户，截止本周日二十四点。'),
('prize', 'fan_group_signed_photo', 'chat', '粉丝群福利来啦～抽十位宝贝送亲签照，想参加的私聊管理员扣扣 1173 4490 6 报名哦，名单明天公布💕'),  # subtle
('romance', 'fake_idol_alt_account', 'chat', '我是阿泽，这是我的私人小号，经纪公司不让跟粉丝私下联系，你可别告诉别人哦。最近行程太满了有点累，看到你每条微博都在支持我，能陪我聊聊天吗'),  # subtle
('shopping', 'rental_video_viewing_deposit', 'chat', '这套房子很抢手，今天好几拨人问了，我人在外地带看不了，你先转两千定金我帮你压着，视频看房就行，签合同时定金直接抵房租，不放心可以加我威信 fangdong_zy9 看房产证照片'),
('shopping', 'landlord_abroad_keys', 'sms', '你好，我是房东，人在国外，房子托朋友照看，看到你在找房，方便的话加我微信细聊 fd_wang1982'),  # subtle
('shopping', 'pet_airline_crate_fee', 'chat', '宝贝已经送到机场了，航空公司说必须用他们的专用恒温航空箱，要补六百，箱子到地方全额退的，您那边转一下我马上办托运，晚了今天这趟航班就赶不上了，小猫在箱子里也受罪'),
('shopping', 'pet_insurance_vaccine_chain', 'retelling', '上个月在网上找了个犬舍买柯基，对方视频里小狗挺精神的，我付了一千五狗钱，又付三百运费。第二天一个自称“宠物物流”的人打电话，说没打疫苗不让上车，交八百补打；第三天又说长途运输要买两千的活体保险，到货全退；第四天说航空箱不合格要换，还要押金。我这才反应过来，一问犬舍具体地址，对方直接把我拉黑了，物流电话也成了空号。现在想想，从头到尾那些视频可能都是网上扒的，连小狗都不存在。前后转了四千五，报警时警察说这种“宠物运输”套路这两年特别多。'),
('game_trade', 'wzry_rank_account_rent_deposit', 'chat', '租号吗 国服韩信号 一小时八块 先转押金再上号 微信zuhao_a17'),
('impersonate_service', 'flight_cancel_compensation_sms', 'sms', '【航空公司】您预订的MU5xxx次航班因机械故障取消，请致电改签专线 0898-6632 9710 办理，每位乘客另获延误补偿三百元。'),
('impersonate_service', 'didi_overcharge_refund_call', 'call', '您好我是滴滴出行客服，您昨晚那趟行程司机多收了您的车费，系统要给您退回，但需要您配合在支付宝里开通一个退款通道，您先打开支付宝，点“我的”……'),
('impersonate_service', 'meituan_rider_spill_wechat', 'call', '哎您好，我是给您送外卖的骑手，刚才路上餐洒了，实在不好意思，我私下给您赔，不然差评我要被罚的，您加我微信我转给您，就这个手机号。'),  # subtle
('phishing', 'rail_suspension_refund_link', 'sms', '【12306】您购买的G1xxx次列车因线路检修停运，请点击 12306-tk.cn 办理退票及补偿并验证银行卡。'),
('impersonate_service', 'ctrip_hotel_overbooked', 'call', '您好，这里是携程酒店客服，您预订的三亚海景房因酒店超售无法入住，我们给您全额退款并赔付订单金额的百分之二十，需要您提供一下退款银行卡号和预留手机号。'),
('impersonate_service', 'douyin_comment_official_cs', 'post', '抖音官方客服：已收到您的反馈，请私信查看客服企业号联系方式，专员会一对一为您处理售后问题。'),  # subtle
('credit_record', 'douyin_monthly_pay_close', 'call', '您好，抖音这边检测到您误开通了抖音月付，额度两万，不关闭的话会按借贷记录上报征信。关闭需要您把额度先借出来转到我们的监管账户验证一下，验证完原路退回。'),
('impersonate_service', 'kuaishou_gift_mistake_refund', 'chat', '您好，快手直播打赏退款专员，您昨晚在直播间误刷的礼物可以原路退回，请下载“快退宝”App提交申请 kuaitui-app.com/dl，有问题随时问我。'),
('prize', 'anniversary_draw_ipad_fee', 'sms', '【拼多多】恭喜您在周年庆幸运抽奖中获得iPad一台，请于3日内登录 pdd-zjcx.com 填写收货地址，需支付邮费及保价费29元。'),
('prize', 'prize_tax_before_ship', 'dialogue', '我：我真中奖了？客服：是的亲，您的奖品苹果手机已经打包好了。我：那什么时候发？客服：按规定奖品价值超过两千要先交百分之二十个人所得税，您交完当天就顺丰发出。'),
('prize', 'livestream_ebike_prize', 'retelling', '我舅在直播间抽中一辆电动车，主播助理说要先交一千二上牌费和保险，交完又说要物流费，再后来是“激活费”，拿了三千多出去，车影子都没见着。'),
('shopping', 'hk_luxury_daigou', 'chat', '香港专柜代购，包包都有柜台小票，比内地便宜三成，定金付一半，剩下到货拍视频再补，朋友圈每天更新 V：hk_guitai_amy'),
('phishing', 'customs_duty_email', 'email', '主题：【重要】国际包裹清关待缴费通知（请勿忽略）。尊敬的客户：您于海外站点购买的商品已抵达国内口岸，因申报信息不完整需补缴关税及清关服务费共计236元。请在48小时内登录 intl-qingguan-center.com 完成付款，付款时请使用本人银行卡并填写短信验证码以便海关核对身份。逾期包裹将被退运并产生每日仓储费用，相关责任由收件人承担。如您已完成缴费，请忽略本通知。此邮件为系统自动发送，请勿直接回复，如有疑问请联系页面在线客服。'),
('shopping', 'fake_haitao_outlet_site', 'post', '海淘直邮网上线，欧美大牌包包两折起，支持支付宝，下单即发国际物流，官网 euro-buy-outlet.shop 今天全场再减一百'),
('rebate_task', 'good_review_cash_card', 'notice', '好评返现卡：亲，确认收货后给五星好评并截图，添加售后微信 hp_fanxian66 即可领取五元红包，另有兼职赚钱机会等您了解～'),
('rebate_task', 'review_cashback_to_tasks', 'retelling', '说一下我姐的事给大家提个醒。她网购收到的包裹里夹了张好评返现卡，加了卡上的微信，对方真给她返了五块，然后拉她进群做“点赞任务”，一单几块钱，前三单都秒到账。第四单开始叫“联单”，要先垫一千五，做完说她操作超时卡单了，必须再充三千才能解冻提现。她不甘心又借了网贷充进去，结果群主直接把她踢了，前后一共搭进去六千多，我们全家拦都拦不住。大家收到这种卡片直接扔掉就好。那些说“先返钱再做任务”的，后面全是坑，千万别加。'),
('rebate_task', 'follow_like_task_invite', 'sms', '您好，这边是抖音运营部，现招收关注点赞兼职，手机操作，时间自由，感兴趣回复1了解'),  # subtle
('rebate_task', 'package_qr_cashback_card', 'notice', '【售后福利】感谢您的支持！扫描卡片背面二维码，关注公众号“好物返现”，完成三步简单任务即可领取现金红包，最高88元，做得好还能成为长期兼职推广员。'),
('loan', 'shopper_credit_limit_loan', 'sms', '【京东白条】尊敬的用户，您的购物信用良好，已获专享借款额度50000元，最快3分钟到账，戳 jdbt-jk.cn 申请，首期需缴纳工本费。'),
('impersonate_authority', 'police_shopping_laundering', 'call', '您好，这里是市公安局刑侦支队，我姓陈，警号0271。您名下的网购账户近期有一笔八万多的收款，涉嫌一起跨境洗钱案，您现在是嫌疑人之一。为了证明您的清白，需要您配合资金核查。请您马上找个没人的房间，把门关上，下载我们发给您的“安全防护”软件，输入案件编号，手机全程不要挂断，也不要跟家里人说，否则按泄露案情处理。核查期间您名下所有账户的资金都要转到清查账户，查清后会原数退还。听明白了吗？现在先把您的银行卡号和开户行报给我登记。'),
('investment', 'fan_group_stock_tips', 'chat', '姐妹们群主今天开了个投资福利群，说跟着老师买稳赚不亏，之前群里的福利都是真的，你要不要一起进去看看'),  # subtle
('other_fraud', 'game_gold_farming_job', 'post', '游戏搬砖日入三百，手机就能玩，无需经验，包教包会，先交九十八元拜师费领工作室账号，报名表在这 bz-gongzuoshi.top/bm 想赚钱的扣1'),
('phishing', 'taobao_login_alert_spaced', 'sms', '淘 宝 账 号 异 常 提 醒：您 的 账 户 于 异 地 登 录，如 非 本 人 操 作 请 立 即 点 击 t b - a n q u a n . c c 验 证 身 份'),
('impersonate_service', 'zto_broken_claim_wechat', 'sms', '【中通】您的快件因破损已登记理赔，请添加理赔专员微信 zt_lp2288 核实信息。'),
('shopping', 'corgi_litter_koukou', 'chat', '你好，刚看到你在找柯基，我家狗妈妈刚生了一窝，纯种带证，可以视频看，加我扣扣 3905 18427 发你照片'),  # subtle
('game_trade', 'account_swap_password_first', 'chat', '等价换号 你先发账密 我上去看看 没问提马上给你我的'),
('shopping', 'putian_sneaker_customs_fee', 'question', '朋友圈有个卖“莆田顶级”球鞋的，说跟专柜一模一样，三百八一双，先款后货。我要了两双，付完又说海关扣了要交清关费，这是不是被骗了？'),
]
