"""County-level cities (县级市): the 市委 of one of these sends county-level inspection teams.

Data only. Names that are also common words (合作, 东方) and cities whose status changed to a
district are left out: an unknown city reads as prefecture-level, the usual case."""

from __future__ import annotations

_BY_PROVINCE = {
    "Hubei": (
        "仙桃 潜江 天门 宜都 当阳 枝江 老河口 枣阳 宜城 钟祥 京山 应城 安陆 "
        "汉川 石首 洪湖 松滋 监利 麻城 武穴 赤壁 广水 恩施 利川 丹江口 大冶"
    ),
    "Jiangsu": (
        "江阴 宜兴 新沂 邳州 溧阳 常熟 张家港 昆山 太仓 启东 如皋 海安 东台 "
        "仪征 高邮 丹阳 扬中 句容 兴化 靖江 泰兴"
    ),
    "Zhejiang": (
        "建德 余姚 慈溪 瑞安 乐清 龙港 海宁 平湖 桐乡 诸暨 嵊州 兰溪 义乌 "
        "东阳 永康 江山 温岭 临海 玉环 龙泉"
    ),
    "Anhui": ("巢湖 无为 桐城 潜山 天长 明光 界首 宁国 广德"),
    "Guangdong": (
        "乐昌 南雄 台山 开平 鹤山 恩平 廉江 雷州 吴川 高州 化州 信宜 四会 "
        "兴宁 陆丰 阳春 英德 连州 普宁 罗定"
    ),
    "Shandong": (
        "胶州 平度 莱西 滕州 龙口 莱阳 莱州 招远 栖霞 海阳 青州 诸城 寿光 "
        "安丘 高密 昌邑 曲阜 邹城 新泰 肥城 荣成 乳山 乐陵 禹城 临清 邹平"
    ),
    "Henan": (
        "巩义 荥阳 新密 新郑 登封 舞钢 汝州 林州 卫辉 辉县 沁阳 孟州 禹州 "
        "长葛 义马 灵宝 邓州 永城 项城"
    ),
    "Hunan": (
        "浏阳 宁乡 醴陵 湘乡 韶山 耒阳 常宁 武冈 邵东 汨罗 临湘 津市 沅江 "
        "资兴 洪江 冷水江 涟源 吉首"
    ),
    "Jiangxi": ("乐平 瑞昌 共青城 庐山 贵溪 瑞金 龙南 井冈山 丰城 樟树 高安 德兴"),
    "Sichuan": (
        "简阳 都江堰 彭州 邛崃 崇州 广汉 什邡 绵竹 江油 峨眉山 阆中 华蓥 "
        "万源 隆昌 射洪 西昌 马尔康 康定 会理"
    ),
    "Inner Mongolia": (
        "霍林郭勒 满洲里 牙克石 扎兰屯 额尔古纳 根河 丰镇 乌兰浩特 阿尔山 二连浩特 锡林浩特"
    ),
    "Hebei": (
        "辛集 晋州 新乐 遵化 迁安 滦州 武安 南宫 沙河 涿州 定州 安国 高碑店 "
        "泊头 任丘 黄骅 河间 霸州 三河 深州 平泉"
    ),
    "Fujian": ("福清 永安 石狮 晋江 南安 邵武 武夷山 建瓯 漳平 福安 福鼎"),
    "Guangxi": ("横州 岑溪 东兴 桂平 北流 靖西 平果 合山 凭祥 荔浦"),
    "Yunnan": (
        "安宁 宣威 腾冲 水富 澄江 楚雄 个旧 开远 蒙自 弥勒 文山 景洪 大理 瑞丽 泸水 香格里拉"
    ),
    "Guizhou": ("清镇 赤水 仁怀 盘州 兴义 兴仁 凯里 都匀 福泉"),
    "Shanxi": ("古交 高平 怀仁 介休 永济 河津 原平 侯马 霍州 孝义 汾阳"),
    "Shaanxi, Gansu": ("兴平 彬州 韩城 华阴 子长 神木 旬阳 玉门 敦煌 临夏 华亭"),
    "Heilongjiang": (
        "尚志 五常 讷河 虎林 密山 铁力 同江 富锦 抚远 绥芬河 海林 宁安 穆棱 "
        "东宁 北安 五大连池 嫩江 安达 肇东 海伦 漠河"
    ),
    "Jilin": (
        "榆树 德惠 公主岭 蛟河 桦甸 舒兰 磐石 双辽 梅河口 集安 临江 扶余 "
        "洮南 大安 延吉 图们 敦化 珲春 龙井 和龙"
    ),
    "Liaoning": (
        "新民 瓦房店 庄河 海城 东港 凤城 凌海 北镇 盖州 大石桥 灯塔 调兵山 开原 北票 凌源 兴城"
    ),
    "Hainan": ("五指山 文昌 琼海 万宁"),
}
COUNTY_LEVEL_CITIES = frozenset(n for names in _BY_PROVINCE.values() for n in names.split())
