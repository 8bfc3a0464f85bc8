ROWS = [
('impersonate_service', 'tmall_cleanser_allergy_meeting', 'call', '喂，您好，天猫售后这边，请问是李女士吗？您三月份在我们店买的那款氨基酸洗面奶，最近有多位顾客反映用了过敏、起红疹，我们主动给买过的客户做赔付，每单赔付商品金额的三倍。因为您的淘宝账户没开通理赔权限，款项要走第三方平台，麻烦您下载一个会议软件，我把会议号发您短信，进去之后点一下共享屏幕，我们理赔部的同事会带您操作，大概十分钟就能到账。操作的时候如果收到银行验证码，直接念给同事就行，那是理赔到账的确认码，别人看不到的。'),
('impersonate_service', 'pdd_shop_closed_batch_refund', 'sms', '【拼多多】您购买商品的店铺因违规已被关停，平台将统一办理批量退款，请今日内联系专属售后 138 2291 0457 确认退款方式。'),  # subtle
('impersonate_service', 'vipshop_wholesale_member_fee', 'call', '您好，我是唯品会客服，由于我们工作人员失误，把您设置成了批发商会员，每月会从您绑定的卡里扣六百八会费，需要您配合取消一下，不然会一直扣下去。'),
('credit_record', 'wechat_baozhang_annual_fee', 'sms', '【微信支付】您开通的“百万保障”即将到期自动续费，年费1680元，如需取消请致电 021-5039 7721，未取消将同步征信。'),
('credit_record', 'campus_loan_clearance_call', 'call', '同学你好，这边是支付宝借呗的，你大学时注册的账号被判定为校园贷，现在要求清零，不清零会影响你考公和征信。你看下借呗、花呗有多少额度，都借出来转到我们指定账户核销一下，核销完原路退还。'),
('impersonate_service', 'douyin_comment_weixin_homophone', 'post', '（评论区）宝子们售后问题别在这说，加抖音官方售后小助手薇信 dy_shouhou_007 秒回哦'),  # subtle
('phishing', 'sf_waybill_fullwidth_link', 'sms', '【顺丰】您的快件因面单模糊无法派送，请点击 ｓｆ－ｅｘｐｒｅｓｓ．ｔｏｐ／ｄｚ 补充地址，谢谢配合。'),  # subtle
('impersonate_service', 'jtexpress_lost_item_loan', 'retelling', '前天有人自称极兔快递理赔，报出了我的名字、电话、买了啥，说快递丢了赔我两百，让我加QQ，再让我打开“备用金”领钱。弄了半天，反倒被借出了一笔五千的贷款转给了他，这才知道是假的。'),
('shopping', 'livestream_jade_pendant_three', 'chat', '家人们这个翡翠挂件真的是捡漏价，主播自掏腰包补贴，五百八十八带国检证书，名额只有三个，平台上拍不了，扣“要”的我私信发收款码，先到先得'),
('shopping', 'tea_livestream_fake_aged', 'complaint', '在一个茶叶直播间买了所谓二十年的老白茶，主播说放着还能升值，结果收到就是普通散茶，说好的七天无理由也不认，店铺已经换名字了。'),
('prize', 'live_room_lucky_viewer', 'post', '@用户9527 恭喜您成为今晚直播间第88位幸运观众，获得吹风机一台🎁，请私信主播助理领取哦'),  # subtle
('shopping', 'groupbuy_cherry_leader_vanish', 'complaint', '小区团购群的团长收了大家的车厘子钱，一箱两百多，四十多户都交了，说周末到货，周末一到人退群了，电话打不通，物业说根本不认识这个人。'),
('shopping', 'groupbuy_new_group_migrate', 'chat', '老群被封了 扫码进新群 今晚九块九秒杀🍒'),
('phishing', 'meituan_coupon_miniprogram', 'post', '美团外卖隐藏红包！打开 mt-shenquan.cn/lq 进小程序“神券天天领”，每天领三张无门槛券，授权手机号和支付密码就能自动抵扣，亲测有效🔥'),
('rebate_task', 'rebate_app_vip_upgrade', 'chat', '你在我们返利App买东西已经返了十几块了吧？现在升级高级会员返利翻倍，只要充一百九九，一个月就回本了，新版下载 fanli-plus.app/v3 记得先把旧版卸载'),
('shopping', 'zhuanzhuan_fake_transfer_screenshot', 'chat', '我已经微信转你了，你看截图显示对方已收款。转转那边你不用管，可能到账延迟，先发货吧，我急着给孩子用，单号发我就行，晚点你就能看到钱了'),
('impersonate_service', 'xianyu_cs_unfreeze_call', 'call', '您好，这边是闲鱼官方客服，工号X7705。您挂在闲鱼上的那台笔记本电脑，买家已经给您付了三千二，但系统显示您的账户没开通资金担保功能，这笔钱现在被冻在平台的中间账户里。买家那边已经投诉了，说您收钱不发货，再不处理就要扣您信用分、封号。解决办法是您用银行卡往认证账户转入同等金额，证明您有交易能力，激活成功后系统会把两笔一起退给您。您放心，这个是平台规定流程，我这边全程陪您操作。您现在手边有银行卡吗？有的话先打开手机银行。'),
('phishing', 'zhuanzhuan_realname_expired', 'sms', '【转转】尊敬的卖家，您的实名信息已过期，为保障资金安全，请于24小时内登录 zhuanzhuan-rz.cn 重新认证并绑定收款卡。'),
('shopping', 'xianyu_half_prepay_question', 'question', '闲鱼上一个卖家说苹果15全新未拆，只要三千五，让我先付一半他再发货，说这样叫“互相信任”，我该给吗，会不会是骗子？'),
('phishing', 'xianyu_private_mall_link', 'chat', '亲这个宝贝我不挂闲鱼了，抽成太多，发你我们自己的商城链接 xy-shop88.cn 直接拍，一样可以担保'),
('shopping', 'xianyu_buyer_fake_cs_qq', 'dialogue', '买家：你的货我要了，但平台说你要先认证才能收款。卖家：我怎么没看到？买家：你加这个客服QQ 1098 223 451 问一下，他们会教你开通'),  # subtle
('game_trade', 'wzry_skin_gift_discount', 'chat', '王者限定皮肤低价代送，原价几百的这边打三折，用我的号给你赠送，先付钱后送，第一次合作可以先送个小的试试，信誉杠杠滴 群里上百个老客户了'),
('game_trade', 'genshin_ar60_offplatform', 'post', '出原神AR60号，十几个限定五星，支持换绑，不走平台，直接vx聊，小刀可以 vx：yuanshen_chu_hao'),  # subtle
('game_trade', 'fake_trade_site_register', 'chat', '你去这个交易网站注册一下 www.gamejy-365.com 我在上面挂好了，你下单后钱是平台监管的，号到手你再确认，很安全'),
('game_trade', 'hpjy_account_site_unfreeze', 'retelling', '孩子在和平精英群里要买一个号，对方让他在一个交易网站付了六百，付完网站提示“账户资金冻结，需充值一千二解冻”，孩子又偷偷用我手机充了，现在两边都联系不上。'),
('game_trade', 'multi_game_discount_topup', 'chat', '王者原神金铲铲六折代充 内部渠道 不用登号 量大更低'),  # subtle
('game_trade', 'boosting_studio_stars', 'post', '专业代练工作室，王者、蛋仔都接，不上星不要钱，先付定金一百，剩下打完结，扣扣搜“星耀代练” 或加 1 5 6 2 0 4 8 3 9'),
('phishing', 'free_skin_kids_group_spaced', 'post', '领免费皮肤的小朋友进群啦🎉 扣扣群：8 3 2 0 4 5 6 1 7，进群发送“领取”即可，数量有限哦'),  # subtle
('phishing', 'skin_code_parent_scan', 'chat', '小朋友你要的皮肤兑换码已经发了，但要家长扫码授权才能激活，你拿爸爸妈妈的手机扫一下我发的二维码就行'),  # subtle
('impersonate_service', 'anti_addiction_refund_sms', 'sms', '【游戏防沉迷中心】经核实，您的孩子存在未成年充值行为，可申请全额退款，请家长于3日内通过 fcm-tuikuan.com 提交退款材料。'),
('impersonate_service', 'child_paycode_photo_dialogue', 'dialogue', '“客服”：你的号因为涉嫌买卖被封了，要解封得先交保证金。孩子：我没钱。“客服”：那你拿妈妈手机，打开支付宝，把付款码拍给我，我帮你验证，验证完就退，别让妈妈知道。'),
('impersonate_service', 'grandma_phone_unfreeze_scan', 'retelling', '我家孩子十一岁，暑假在奶奶那里，用奶奶手机玩游戏，有个“客服”说他账号异常要解冻，让孩子打开奶奶的微信扫了三次码，奶奶卡里的一万多全没了。'),
('romance', 'game_cp_skin_transfer', 'chat', '老公～我们绑cp三个月啦，你说过要送我那款星元皮肤的，我这边有个渠道便宜，你把钱转我我自己买就行，等我放假就去你城市找你，爱你😘'),
('shopping', 'concert_proxy_speedup_fee', 'retelling', '给女儿在网上找人代抢演唱会门票，对方要先付一百五代抢费和全额票款，说抢到会发截图。开票当天对方说“系统锁单”，要再补五百“加速费”，之后就再也不回了。'),
('phishing', 'maoyan_postpone_refund_link', 'sms', '【猫眼】您购买的演出因场馆原因延期，可申请全额退票并获补偿，请登录 maoyan-tp.cc 填写退款账户信息。'),
('shopping', 'scalper_vip_row_half', 'chat', 'VIP三排 见面刷 先付一半 剩下进场给'),
('shopping', 'football_ticket_group_spaced', 'post', '球票群！联赛主场看台/内场都有，现票秒发，要的进群：6 7 2 3 3 1 0 5 8 备注球票'),  # subtle
('shopping', 'lightstick_daigou_vanish', 'complaint', '在超话里找的周边代购，说是官方限量应援棒，收了我们二十多个人的钱，一人三百六，说工厂延期拖了两个月，现在微博注销了，群也解散了。'),
('other_fraud', 'fan_vote_fundraising', 'post', '打投集资最后冲刺‼️姐妹们我们还差两万票，一票一元，统一由站姐代买，支付宝转站子账号 zhanzi_xingguang@163.com，集资明细会公示，别让哥哥输在最后一天！'),
('prize', 'fan_club_annual_welfare', 'chat', '恭喜你被抽中后援会年度福利，奖品是演唱会门票两张+签名周边，领取前需要确认身份，加一下负责人QQ：2290 55618'),  # subtle
('rebate_task', 'fan_data_boost_task', 'chat', '宝，帮爱豆做数据还能赚米，转发评论一条五毛，做满一百条就能提现，进群领任务，群里姐妹都在做，加 wei 信 dz_shuju01'),
('impersonate_acquaintance', 'fan_friend_inner_ticket_card', 'chat', '姐妹！我刚抢到两张内场，多一张给你，原价就行，但我支付宝限额了，你直接转到这张卡上：6222 0215 3308 47216'),
('shopping', 'agent_smartlock_deposit', 'chat', '我是中介小李，那套一室一户房东在外地，你先交一个月押金到公司账户，我把密码锁密码发你，你随时去看，满意就签，不满意押金全退，这几天问的人特别多'),
('shopping', 'graduate_rental_deposit', 'statement', '报案人刘某，二十二岁，应届毕业生。今年五月在某租房网站看到一处地铁口一居室房源，月租一千八，低于周边一半。自称中介的男子添加其微信，称房东人在国外急租，只能视频看房，要求先付三千元定金留房，并发来一份盖有“房屋租赁有限公司”印章的电子合同。刘某转账后按约定前往小区，物业告知该房业主自住，从未委托出租，对方手机随即关机，微信已将其删除。刘某随后发现，同一房源照片仍在另外两个平台以不同名义挂出。'),
('game_trade', 'equipment_trade_unfreeze_qq', 'chat', '老板我在交易所给你转了装备钱，显示“待卖家解冻”，你要去找平台客服交一下解冻保证金才能到账，客服扣扣我发你了：3317 902 46，你先把装备交易给我吧'),
('shopping', 'landlord_direct_no_fee', 'post', '房东直租无中介，地铁口精装一居，拎包入住，价格只要周边一半，有意者加我微信 zufang_zhizu66 了解详情'),  # subtle
('shopping', 'kitten_quarantine_dialogue', 'dialogue', '买家：小猫什么时候到？卖家：已经在物流了，那边说猫咪要办检疫证，四百，办完就发。买家：之前没说啊？卖家：这是国家规定，后面都能退的。买家：好吧，转了。卖家：物流又说天气太热，要升级恒温舱，再补六百，到了当天全部退给你。买家：怎么这么多费用？卖家：都是为了小猫安全，你不补它就得在机场多待一天，出了事谁负责？买家：那你把物流公司电话给我。卖家：物流只对接我们，你联系不上的，你转给我就行。'),
('shopping', 'talking_parrot_seller', 'post', '出售会说话的小鹦鹉，已开口，包活包健康，价格美丽，全国航空发货，喜欢的朋友私信看视频'),  # subtle
('shopping', 'golden_retriever_resend_fee', 'complaint', '在网上买的金毛，收到后第三天就病死了，卖家说是运输途中感染，要我再交一千五重新发一只，不然就不管了，我怀疑从头到尾就是个套。'),
('impersonate_service', 'lijiang_inn_order_cancelled', 'call', '喂，是明天入住丽江古城客栈的张女士吗？我是平台客服，酒店系统出问题把您的订单取消了，房费会退给您，另外补偿一百，麻烦提供一下银行卡号，我们走财务直接打款。'),
('phishing', 'flight_delay_insurance_link', 'sms', '【航班动态】尊敬的旅客，您乘坐的航班延误，可获得航延险理赔，请点击 hangyan-lp.cn 填写理赔账户。'),
('phishing', 'didi_subsidy_coupon_link', 'sms', '【滴滴出行】您有一张出行补贴券待领取，点击 dd-quan.top 登录后即可使用，今日24点过期。'),  # subtle
('impersonate_service', 'meituan_food_safety_qq', 'call', '您好，这边是美团外卖食品安全部，您上周点的那家麻辣烫被查出问题，平台给所有下单用户补偿，您加一下我们专员的QQ，我们统一在群里登记。'),  # subtle
('shopping', 'train_ticket_inside_channel', 'chat', '春运12306抢不到吧？我们有铁路内部候补通道，百分百出票，手续费每张八十，先付后抢，要的话发我身份证号和乘车日期，不出票全额退，联系电话 176 0391 2285'),
('impersonate_service', 'kuaishou_merchant_fled_advance', 'chat', '您好，快手电商售后，您买的那件毛衣商家已经跑路了，平台先行赔付，请加我企业微信 ks_pf_0217 登记'),  # subtle
('impersonate_service', 'xiaohongshu_batch_return', 'chat', '您好，小红书官方客服～您购买的商品涉及批次问题，需要您配合退货，退货前先帮您核实支付账户，方便发一下您的手机号吗'),  # subtle
('phishing', 'douyin_ban_appeal_link', 'sms', '【抖音】您的账号因涉嫌违规将被永久封禁，如有异议请在2小时内点击 dy-shensu.cc 提交申诉。'),
('impersonate_service', 'bilibili_member_renew_safe_acct', 'call', '您好，这里是B站会员中心，您的大会员开通了自动续费，系统错误设成了每月扣一千二，我帮您取消，需要您打开手机银行，按我说的把余额转到安全账户做个验证。'),
('prize', 'jd_anniversary_pinyin', 'sms', '恭喜您被选为京东周年庆幸运用户，获赠华为手机一部，请登陆 jd-zj.top 领qu，需付运费19元。'),
('prize', 'taobao_shake_forward_three', 'post', '淘宝摇一摇隐藏大奖！转发本条到3个群，截图发到 tb-yaoyiyao.top 给客服就能领888元现金红包，今天最后一天！'),
('prize', 'ticket_draw_realname_deposit', 'chat', '你参与的转发抽奖活动中了演唱会门票一张🎉因为是实名制，需要交一百的实名认证押金，到场检票后退还，今晚八点前不确认就顺延给下一位'),
('prize', 'shopping_app_wheel_robot', 'retelling', '有个App叫“天天淘惠”，签到转盘说我抽中了一台扫地机器人，要先在App里充值三百抵运费，充完又让我邀请五个好友才能发货，充的钱也提不出来。'),
('shopping', 'milk_powder_customs_destroy', 'chat', '亲，您的荷兰奶粉到海关了，这批被抽检，需要补缴关税四百二，交完马上放行，不交的话会被退运或者销毁，之前付的定金也不退了哦'),
('shopping', 'tokyo_cosmetics_daigou', 'post', '日本药妆现货代购，人在东京每天扫货，正品保证，价格只有国内专柜三折，朋友圈天天晒单，加V：tokyo_mimi_dg'),  # subtle
('phishing', 'haitao_payment_failed_email', 'email', '主题：您的订单支付失败，请尽快处理。尊敬的顾客：您在GlobalDealz的订单（编号88231，商品：无线降噪耳机×1）因发卡行验证失败未能完成付款。请于48小时内访问 globaldealz-pay.com/verify 重新输入信用卡号、有效期及背面安全码，并完成短信验证，否则订单将被自动取消，您已锁定的黑五折扣价也将失效。为保障您的账户安全，请勿向任何人透露验证码。GlobalDealz 顾客服务中心 敬上'),
('rebate_task', 'cashback_done_parttime_group', 'chat', '亲，好评返现已经给您啦。我们还有个兼职群，给商品点赞收藏就能拿佣金，要不要来试试？群号 6610 3827 5'),  # subtle
('rebate_task', 'buyer_show_model_prepay', 'post', '招聘买家秀模特，拍照上传就有钱，一单二十到五十，需先垫付商品钱，收货后本金加佣金一起返，联系扣扣 776 204 1985'),
('rebate_task', 'huigou_app_combo_orders', 'retelling', '我在一个叫“惠购联盟”的App上做购物返利任务，买东西截图就返佣金百分之十。一开始几十块的单都顺利返了，还拉我进了个“高级会员群”，群里天天有人晒几千的收益截图。后面系统派了一单四千八，付完说要连做三单才能一起返，我把两张信用卡都刷爆了，第三单做完，客服又说我“卡单”了要交解冻金，不交之前的本金全部作废。我这才意识到不对，去搜这个App，根本不在任何应用商店里，是对方发链接让我下的。前后一共转进去一万三，现在每个月还信用卡都还不过来。'),
('rebate_task', 'livestream_like_task_hongbao', 'chat', '给直播间点赞关注，每单三元，日结，需要的宝子回复“1”拉你进任务群，先领八元新人红包'),
('other_fraud', 'zero_cost_online_store', 'post', '零成本开网店，我们提供货源、代运营，包出单，只需交两千九八的开店服务费，不出单全额退，报名填表 kaidian-fuchi.com，前五十名送直通车推广'),
('phishing', 'apple_id_topup_email', 'email', '【Apple】您的 Apple ID 于今日在新设备上购买了《王者荣耀》点券 ¥648.00。如非本人操作，请立即访问 appleid-refund.help 申请退款并验证付款方式。'),
('phishing', 'taobao_seller_violation_email', 'email', '淘宝卖家中心通知：您的店铺因涉嫌售假被投诉，将于48小时内冻结。如需申诉，请登录 seller-taobao-sc.com 上传身份证件及银行卡信息。'),
('impersonate_authority', 'market_regulator_fake_goods_fine', 'call', '您好，这里是市场监督管理局，有消费者投诉您在闲鱼卖的化妆品是假货，要对您罚款，如有异议可以先交保证金申请复核，不然就要移交公安了。'),
('loan', 'pay_later_withdraw_member', 'sms', '【先用后付】您的额度已提升至30000，可直接提现，首次提现需开通会员99元激活，详情 xyhf-vip.cn'),
('investment', 'livestream_host_gold_futures', 'narrative', '周阿姨退休后每天刷一个理财直播间，女主播讲得头头是道，说跟着她的“团队老师”投黄金期货，每天收益百分之五，还拉周阿姨进了个VIP学员群，群里每天都有人晒盈利。周阿姨先投了一万，没几天真提出来一千多，就彻底信了，把定期存款二十万都转进了老师推荐的交易平台。第二周平台提示“风控审核，需缴纳百分之二十保证金才能出金”，她再去找主播，直播间已经没了，群也解散了。家里人知道的时候，钱已经一分都追不回来了。'),
('other_fraud', 'gpu_return_swap', 'complaint', '我在闲鱼卖的二手显卡，买家收货后说是坏的申请退货，寄回来的是一块烧坏的旧卡，序列号跟我发出的完全不一样，平台还判我退款，这怎么维权？'),
('shopping', 'disney_staff_ticket', 'question', '朋友圈有人卖迪士尼门票，说是员工内部票，两张才三百，只能微信转账，这个能信吗？'),
('phishing', 'locker_qr_overtime_compensation', 'notice', '【丰巢柜】尊敬的用户，因柜机升级您的包裹暂存超时，扫描下方二维码领取超时补偿并激活取件码。'),  # subtle
('impersonate_service', 'pdd_bedding_formaldehyde_dialogue', 'dialogue', '客服：您好，您在拼多多买的四件套被检测出甲醛超标，我们要给您赔付。我：怎么赔？客服：您打开微信“服务”里的借钱入口，看一下有多少额度，这个是用来验证您身份的，不会真扣钱。我：为什么要看额度？客服：系统规定的，额度越高赔得越快，您看到多少？我：两万多。客服：好的，您先点“借钱”，借到零钱里，再转到我们的赔付核验账户，核验通过后借款会自动注销，赔付款和这笔钱一起退回来，全程不产生利息。我：我还是问问家里人吧。客服：这个要今天办，过了时限就作废了。'),
('prize', 'douyin_lucky_fan_trad', 'sms', '【抖音】恭喜您成為本月幸運粉絲，獲得品牌手機一部，點擊 dy-xingyun.cc 領取，需支付郵費。'),
]
