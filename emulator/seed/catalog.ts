// The demo shop's seed data: a private-domain lifestyle brand's categories, products and SKUs,
// plus the demo users and staff. Everything is derived deterministically from SEED_TIME so a
// fresh local cloud always starts from the same documents.
import type {
  Category,
  Product,
  ProductStatus,
  Sku,
  SpecDimension,
  Staff,
  User,
} from '../../domain/model';
import { fen } from '../../domain/money';
import { fileIdFor } from '../storage/file-storage';

export const SEED_TIME = Date.UTC(2026, 9, 1); // fixed epoch ms used for createdAt etc.
/** The environment the seed's file ids name (the local cloud's default; others are re-pointed). */
export const SEED_ENV_ID = 'local';

export const DEMO_USERS = {
  newUser: 'demo-new-user',
  regular: 'demo-regular',
  staff: 'demo-staff',
} as const;

const DAY = 24 * 60 * 60 * 1000;

/** One SKU per spec combination, in combination order: [priceFen, stock, originalPriceFen?]. */
type SkuRow = readonly [priceFen: number, stock: number, originalPriceFen?: number];

interface ProductDef {
  id: string;
  title: string;
  subtitle: string;
  description: string;
  specs: SpecDimension[];
  skus: SkuRow[];
  keywords: string[];
  sales: number;
  tags?: string[];
  status?: ProductStatus;
  /** How long before SEED_TIME it was listed; new arrivals are recent. */
  ageDays?: number;
}

interface CategoryDef {
  id: string;
  name: string;
  products: ProductDef[];
}

const spec = (name: string, ...values: string[]): SpecDimension => ({ name, values });

const CATALOG: CategoryDef[] = [
  {
    id: 'c-tea',
    name: '茗茶',
    products: [
      {
        id: 'p-longjing',
        title: '明前西湖龙井',
        subtitle: '核心产区 · 一芽一叶 · 豆香鲜爽',
        description:
          '清明前采摘的西湖龙井，一芽一叶初展，手工青锅辉锅。干茶扁平挺直、色泽嫩绿，' +
          '冲泡后豆花香明显，滋味鲜爽回甘。建议 80℃ 左右的水玻璃杯冲泡。',
        specs: [spec('规格', '100g 罐装', '250g 礼盒')],
        skus: [
          [16800, 86, 19800],
          [39800, 42, 45800],
        ],
        tags: ['热卖', '会员专享'],
        keywords: ['绿茶', '茶叶', '西湖', '明前茶', '礼盒'],
        sales: 1268,
        ageDays: 200,
      },
      {
        id: 'p-tieguanyin',
        title: '安溪铁观音',
        subtitle: '清香型 · 兰花香 · 小泡独立装',
        description:
          '福建安溪原产，轻发酵清香型工艺，兰花香高扬，汤色金黄透亮。' +
          '每泡 7g 独立真空小包装，出差旅行随手一泡。',
        specs: [spec('规格', '125g', '250g')],
        skus: [
          [8800, 120],
          [15800, 64, 16800],
        ],
        tags: ['热卖'],
        keywords: ['乌龙茶', '茶叶', '福建', '清香型'],
        sales: 832,
      },
      {
        id: 'p-dianhong',
        title: '云南滇红金芽',
        subtitle: '蜜香浓郁 · 汤色红亮',
        description:
          '选用凤庆大叶种单芽制作，金毫显露，冲泡后蜜香、薯香交织，汤色红浓明亮。' +
          '可清饮，也适合加奶做一杯温暖的奶茶。',
        specs: [spec('规格', '100g', '200g')],
        skus: [
          [6900, 150],
          [12800, 80],
        ],
        keywords: ['红茶', '茶叶', '云南', '奶茶'],
        sales: 645,
      },
      {
        id: 'p-baicha',
        title: '福鼎白茶寿眉饼',
        subtitle: '2019 年老料 · 枣香清甜',
        description:
          '福鼎高山寿眉，存放五年以上压制成饼，枣香、药香渐显，耐泡耐煮。' +
          '冬天围炉煮一壶，甜润暖身。',
        specs: [spec('规格', '100g 小饼', '357g 大饼')],
        skus: [
          [5900, 95],
          [16800, 30, 18800],
        ],
        keywords: ['白茶', '茶饼', '福建', '老白茶', '煮茶'],
        sales: 412,
      },
      {
        id: 'p-jasmine',
        title: '茉莉花茶飘雪',
        subtitle: '七窨一提 · 花香入水',
        description:
          '广西横县茉莉与四川高山绿茶七次窨制，花香鲜灵入水不散，滋味清甜。' +
          '冷泡同样好喝，夏天放进冰箱三小时即可。',
        specs: [spec('规格', '50g', '100g')],
        skus: [
          [3900, 210],
          [6900, 160],
        ],
        tags: ['新品'],
        keywords: ['花茶', '绿茶', '茶叶', '茉莉', '冷泡'],
        sales: 156,
        ageDays: 10,
      },
      {
        id: 'p-dahongpao',
        title: '武夷大红袍老枞',
        subtitle: '限量礼盒 · 岩韵悠长',
        description:
          '武夷山正岩产区老枞茶树，传统炭焙，岩骨花香，七泡有余香。' +
          '每年仅做少量，会员专享，送长辈、送朋友都体面。',
        specs: [spec('规格', '200g 礼盒')],
        skus: [[58800, 3]],
        tags: ['会员专享', '限量'],
        keywords: ['岩茶', '乌龙茶', '茶叶', '武夷山', '礼盒'],
        sales: 57,
        ageDays: 60,
      },
      {
        id: 'p-tea-set',
        title: '便携旅行茶具',
        subtitle: '一壶四杯 · 收纳包随行',
        description:
          '快客杯一壶四杯，高温烧制陶瓷内胆，配防震收纳包。' +
          '露营、出差、办公室都能好好喝一杯茶。',
        specs: [spec('颜色', '月白', '青瓷', '墨黑')],
        skus: [
          [12900, 60, 15900],
          [12900, 45, 15900],
          [12900, 28, 15900],
        ],
        keywords: ['茶具', '茶杯', '旅行', '露营', '礼物'],
        sales: 233,
      },
    ],
  },
  {
    id: 'c-coffee',
    name: '咖啡冲饮',
    products: [
      {
        id: 'p-drip-coffee',
        title: '手冲挂耳咖啡',
        subtitle: '新鲜烘焙 · 10 秒出杯',
        description:
          '每周烘焙、烘后 7 天内研磨充氮包装，撕开挂在杯上注水即可。' +
          '经典拼配坚果巧克力风味，耶加雪菲花香柑橘，曼特宁醇厚低酸。',
        specs: [spec('口味', '经典拼配', '耶加雪菲', '曼特宁'), spec('规格', '10 片装', '30 片装')],
        skus: [
          [4990, 180, 5990],
          [12900, 90, 14900],
          [5990, 120],
          [15900, 60],
          [5990, 110],
          [15900, 55],
        ],
        tags: ['热卖'],
        keywords: ['咖啡', '挂耳', '手冲', '黑咖啡'],
        sales: 2306,
      },
      {
        id: 'p-coffee-beans',
        title: '保山小粒咖啡豆',
        subtitle: '云南产区 · 每周现烘',
        description:
          '云南保山高海拔阿拉比卡，水洗处理，干净甜感。中度烘焙适合手冲，' +
          '深度烘焙适合意式和摩卡壶。下单后按批次新鲜烘焙发货。',
        specs: [spec('烘焙度', '中度烘焙', '深度烘焙'), spec('规格', '250g', '500g')],
        skus: [
          [6800, 70],
          [12600, 40],
          [6800, 65],
          [12600, 38],
        ],
        keywords: ['咖啡豆', '咖啡', '云南', '意式', '手冲'],
        sales: 540,
      },
      {
        id: 'p-cold-brew',
        title: '冷萃咖啡液',
        subtitle: '0 糖 0 脂 · 冷热皆宜',
        description:
          '12 小时低温萃取，浓缩小杯装。兑冰水是清爽美式，兑牛奶是顺滑拿铁，' +
          '燕麦拿铁口味已调好燕麦奶，撕开即饮。',
        specs: [spec('口味', '原味', '燕麦拿铁'), spec('规格', '7 杯装', '14 杯装')],
        skus: [
          [3990, 200, 4990],
          [6990, 120],
          [4290, 150],
          [7490, 90],
        ],
        tags: ['新品', '热卖'],
        keywords: ['咖啡', '冷萃', '速溶', '美式', '拿铁'],
        sales: 1789,
        ageDays: 20,
      },
      {
        id: 'p-oat-milk',
        title: '咖啡大师燕麦奶',
        subtitle: '细腻打泡 · 植物基',
        description:
          '专为咖啡调配的燕麦奶，打泡细腻不分层，和浓缩咖啡融合度高。' +
          '乳糖不耐也可以放心喝，开盖后冷藏 7 天内喝完。',
        specs: [spec('规格', '1L × 2', '1L × 6')],
        skus: [
          [3290, 160],
          [8990, 80, 9870],
        ],
        keywords: ['燕麦奶', '植物奶', '拿铁', '牛奶'],
        sales: 960,
      },
      {
        id: 'p-cocoa',
        title: '醇黑可可粉',
        subtitle: '无添加蔗糖 · 烘焙冲饮两用',
        description:
          '碱化工艺可可粉，颜色深、香气足，无添加蔗糖。热牛奶冲一杯热可可，' +
          '或用来做提拉米苏、布朗尼。',
        specs: [spec('规格', '200g', '500g')],
        skus: [
          [2990, 140],
          [5990, 70],
        ],
        keywords: ['可可', '巧克力', '热可可', '烘焙'],
        sales: 388,
      },
      {
        id: 'p-honey-lemon',
        title: '蜂蜜柠檬茶',
        subtitle: '鲜切柠檬片 · 温水冲泡',
        description:
          '安岳黄柠檬鲜切薄片，以椴树蜂蜜腌渍，酸甜适口。' +
          '每次两勺，温水或气泡水冲调，开罐后请冷藏。',
        specs: [spec('规格', '500g', '1kg')],
        skus: [
          [3590, 130],
          [5990, 75, 6990],
        ],
        keywords: ['柠檬', '蜂蜜', '冲饮', '果茶'],
        sales: 702,
      },
    ],
  },
  {
    id: 'c-snacks',
    name: '零食坚果',
    products: [
      {
        id: 'p-mixed-nuts',
        title: '每日坚果',
        subtitle: '6 种坚果果干 · 独立小包',
        description:
          '巴旦木、腰果、榛子、核桃仁、蔓越莓干、蓝莓干科学配比，每包 25g。' +
          '早餐配酸奶，下午茶随手一包。',
        specs: [spec('规格', '7 袋装', '30 袋装')],
        skus: [
          [3990, 260, 4590],
          [14900, 100, 16900],
        ],
        tags: ['热卖'],
        keywords: ['坚果', '零食', '混合坚果', '早餐'],
        sales: 3520,
      },
      {
        id: 'p-cashew',
        title: '炭烧腰果',
        subtitle: '越南大颗 · 现炒酥脆',
        description: '越南 W240 大颗腰果，炭火慢烘，外壳微焦内里酥脆，咸香不腻。小批量现炒现发。',
        specs: [spec('规格', '200g', '500g')],
        skus: [
          [3290, 120],
          [6990, 60],
        ],
        keywords: ['腰果', '坚果', '零食'],
        sales: 820,
      },
      {
        id: 'p-beef-jerky',
        title: '风干牛肉干',
        subtitle: '内蒙古草原牛 · 越嚼越香',
        description:
          '内蒙古锡林郭勒牛后腿肉，手撕风干，纤维分明有嚼劲。' +
          '原味咸香，香辣够味，五香口味是老顾客的心头好。',
        specs: [spec('口味', '原味', '香辣', '五香'), spec('规格', '100g', '250g')],
        skus: [
          [3990, 88],
          [8900, 40],
          [3990, 76],
          // 香辣 250g sold out: shows a partly sold-out product whose other SKUs still sell.
          [8900, 0],
          [3990, 54],
          [8900, 22],
        ],
        tags: ['热卖'],
        keywords: ['牛肉干', '肉干', '零食', '内蒙古'],
        sales: 1460,
      },
      {
        id: 'p-dried-mango',
        title: '软芒果干',
        subtitle: '泰国芒果 · 果肉厚切',
        description: '泰国大青芒厚切低温烘干，软糯有嚼劲，酸甜刚好。追剧、办公室解馋都合适。',
        specs: [spec('规格', '80g', '200g')],
        skus: [
          [1590, 300],
          [3290, 150],
        ],
        keywords: ['芒果', '果干', '蜜饯', '零食'],
        sales: 2180,
      },
      {
        id: 'p-seaweed',
        title: '夹心海苔脆',
        subtitle: '巴旦木夹心 · 薄脆不腻',
        description: '两层海苔夹一层巴旦木与芝麻，烘烤而成，薄脆咸香，小朋友也爱吃。',
        specs: [spec('口味', '原味', '芝麻')],
        skus: [
          [2490, 180],
          [2490, 140],
        ],
        tags: ['新品'],
        keywords: ['海苔', '零食', '儿童零食'],
        sales: 310,
        ageDays: 14,
      },
      {
        id: 'p-egg-roll',
        title: '手工鸡蛋卷',
        subtitle: '老式做法 · 一口酥香',
        description: '鸡蛋、黄油、面粉手工卷制，不加香精，一口下去酥到掉渣。独立小包装，不易受潮。',
        specs: [spec('口味', '原味', '海苔', '黑芝麻')],
        skus: [
          [2890, 110, 3290],
          [2890, 90, 3290],
          [2890, 70, 3290],
        ],
        keywords: ['蛋卷', '饼干', '糕点', '零食'],
        sales: 640,
      },
    ],
  },
  {
    id: 'c-fruit',
    name: '新鲜水果',
    products: [
      {
        id: 'p-navel-orange',
        title: '赣南脐橙',
        subtitle: '果园直发 · 酸甜多汁',
        description:
          '江西赣州信丰果园现摘现发，果皮薄、果肉脆嫩化渣，甜中带一点果酸。' +
          '坏果包赔，收到后请拍照联系客服。',
        specs: [spec('规格', '5 斤装', '10 斤装')],
        skus: [
          [3990, 240, 4990],
          [6990, 150],
        ],
        tags: ['热卖', '应季'],
        keywords: ['橙子', '脐橙', '水果', '江西'],
        sales: 4120,
      },
      {
        id: 'p-kiwi',
        title: '眉县猕猴桃',
        subtitle: '徐香品种 · 软糯香甜',
        description:
          '陕西眉县徐香猕猴桃，单果 90–110g。到货偏硬属正常，' +
          '与苹果同放 2–3 天，捏着微软即可食用。',
        specs: [spec('规格', '12 个装', '24 个装')],
        skus: [
          [4590, 130],
          [7990, 80],
        ],
        keywords: ['猕猴桃', '奇异果', '水果', '陕西'],
        sales: 980,
      },
      {
        id: 'p-blueberry',
        title: '云南高山蓝莓',
        subtitle: '18mm+ 大果 · 果粉完整',
        description:
          '云南澄江高山基地，单果直径 18mm 以上，果粉完整，清甜爆汁。' +
          '全程冷链，收到后冷藏保存，3 天内吃完口感最好。',
        specs: [spec('规格', '4 盒 × 125g', '8 盒 × 125g')],
        skus: [
          [5990, 90, 6990],
          [10990, 45],
        ],
        tags: ['新品'],
        keywords: ['蓝莓', '浆果', '水果', '云南'],
        sales: 430,
        ageDays: 7,
      },
      {
        id: 'p-apple',
        title: '阿克苏冰糖心苹果',
        subtitle: '新疆原产 · 脆甜有心',
        description:
          '新疆阿克苏红旗坡果园，昼夜温差大，果核周围糖分沉积形成透明“糖心”。' +
          '口感脆甜多汁，整箱发货。',
        specs: [spec('规格', '5 斤装', '10 斤装')],
        skus: [
          [4290, 200],
          [7590, 120, 8990],
        ],
        tags: ['应季'],
        keywords: ['苹果', '水果', '新疆', '冰糖心'],
        sales: 1890,
      },
      {
        id: 'p-mango',
        title: '攀枝花凯特芒',
        subtitle: '树上熟 · 香甜少纤维',
        description: '四川攀枝花晚熟凯特芒，树上自然成熟再采摘，果肉细腻少纤维，单果 500g 左右。',
        specs: [spec('规格', '5 斤装', '9 斤装')],
        skus: [
          [4990, 70],
          [7990, 35],
        ],
        keywords: ['芒果', '水果', '四川'],
        sales: 760,
      },
      {
        id: 'p-lychee',
        title: '妃子笑荔枝',
        subtitle: '当季鲜摘 · 冷链直达',
        description: '广东茂名妃子笑，清晨采摘当日冷链发出。荔枝季已结束，明年五月再会。',
        specs: [spec('规格', '3 斤装', '5 斤装')],
        skus: [
          [6990, 50],
          [9990, 30],
        ],
        keywords: ['荔枝', '水果', '广东'],
        sales: 2650,
        // Off-season, so hidden from shoppers: exercises the 'OFF' status.
        status: 'OFF',
        ageDays: 150,
      },
    ],
  },
  {
    id: 'c-home',
    name: '居家日用',
    products: [
      {
        id: 'p-towel',
        title: '长绒棉毛巾',
        subtitle: 'A 类标准 · 柔软吸水',
        description: '新疆长绒棉，A 类婴幼儿标准，无荧光剂。越洗越蓬松，吸水快不掉毛。',
        specs: [spec('颜色', '奶白', '雾蓝', '浅灰')],
        skus: [
          [2990, 200, 3990],
          [2990, 180, 3990],
          [2990, 150, 3990],
        ],
        tags: ['热卖'],
        keywords: ['毛巾', '洗脸巾', '纯棉', '浴室'],
        sales: 2890,
      },
      {
        id: 'p-bath-towel',
        title: '加厚纯棉浴巾',
        subtitle: '70 × 140cm · 亲肤不掉毛',
        description: '600g 加厚款，一条裹住全身，柔软亲肤。与同色毛巾搭配，浴室更整齐。',
        specs: [spec('颜色', '奶白', '雾蓝')],
        skus: [
          [6990, 90],
          [6990, 75],
        ],
        keywords: ['浴巾', '纯棉', '浴室', '毛巾'],
        sales: 610,
      },
      {
        id: 'p-storage-box',
        title: '可叠加收纳箱',
        subtitle: '透明可视 · 侧开门设计',
        description: '加厚 PP 材质，可叠加可侧开，不用搬开上层就能取物。衣柜、玩具、杂物都能装。',
        specs: [spec('尺寸', '小号', '中号', '大号')],
        skus: [
          [3990, 120],
          [5990, 90],
          [7990, 60],
        ],
        keywords: ['收纳', '整理箱', '储物', '衣柜'],
        sales: 1130,
      },
      {
        id: 'p-aroma',
        title: '无火香薰',
        subtitle: '藤条扩香 · 持久淡雅',
        description: '150ml 香薰液配天然藤条，无需明火，持续扩香约 60 天。放在玄关、卧室或书桌。',
        specs: [spec('香型', '白茶', '雪松', '橙花')],
        skus: [
          [8900, 80],
          [8900, 65],
          [8900, 50],
        ],
        tags: ['新品'],
        keywords: ['香薰', '扩香', '卧室', '香氛'],
        sales: 270,
        ageDays: 12,
      },
      {
        id: 'p-slippers',
        title: '居家棉拖鞋',
        subtitle: '静音软底 · 四季可穿',
        description: '华夫格棉面透气，EVA 软底踩上去静音防滑，可机洗。建议按平时鞋码选择。',
        specs: [spec('颜色', '燕麦', '雾蓝'), spec('尺码', '36-37', '38-39', '40-41', '42-43')],
        skus: [
          [3990, 40],
          [3990, 55],
          [3990, 50],
          [3990, 30],
          [3990, 35],
          [3990, 48],
          [3990, 45],
          [3990, 25],
        ],
        keywords: ['拖鞋', '棉拖', '居家', '卧室'],
        sales: 1520,
      },
      {
        id: 'p-pillow',
        title: '天然乳胶枕',
        subtitle: '泰国乳胶 · 承托颈椎',
        description: '泰国天然乳胶发泡，回弹慢、透气好。护颈款有波浪曲线，适合仰睡侧睡切换的人。',
        specs: [spec('规格', '标准款', '护颈款')],
        skus: [
          [19900, 40, 25900],
          [22900, 35, 28900],
        ],
        tags: ['会员专享'],
        keywords: ['枕头', '乳胶枕', '睡眠', '床品'],
        sales: 390,
      },
    ],
  },
  {
    id: 'c-care',
    name: '个护清洁',
    products: [
      {
        id: 'p-shampoo',
        title: '氨基酸洗发水',
        subtitle: '温和控油 · 蓬松清爽',
        description: '氨基酸表活温和清洁，添加茶树精油控油去屑，洗后头发蓬松不干涩。',
        specs: [spec('规格', '400ml', '750ml')],
        skus: [
          [5900, 150],
          [8900, 100, 9900],
        ],
        tags: ['热卖'],
        keywords: ['洗发水', '洗护', '控油', '头发'],
        sales: 1680,
      },
      {
        id: 'p-body-wash',
        title: '香氛沐浴露',
        subtitle: '留香 24 小时 · 滋润不假滑',
        description: '调香师定制香型，白桃清甜、小苍兰干净。易冲洗不假滑，洗完皮肤不紧绷。',
        specs: [spec('香型', '白桃', '小苍兰')],
        skus: [
          [4900, 130],
          [4900, 110],
        ],
        keywords: ['沐浴露', '沐浴', '洗护', '香氛'],
        sales: 940,
      },
      {
        id: 'p-toothpaste',
        title: '益生菌牙膏',
        subtitle: '清新口气 · 呵护牙龈',
        description: '添加益生菌与薄荷精油，清新口气，低磨擦配方呵护牙龈。每支 120g。',
        specs: [spec('规格', '1 支装', '3 支装')],
        skus: [
          [1990, 300],
          [4990, 180, 5970],
        ],
        keywords: ['牙膏', '口腔', '清新'],
        sales: 2260,
      },
      {
        id: 'p-hand-cream',
        title: '润养护手霜',
        subtitle: '乳木果油 · 秒吸收不黏腻',
        description: '乳木果油与烟酰胺，涂开即吸收，不黏手不影响打字。30ml 小支随身带。',
        specs: [spec('香型', '玫瑰', '白茶', '无香')],
        skus: [
          [3900, 120],
          [3900, 100],
          [3900, 80],
        ],
        tags: ['新品'],
        keywords: ['护手霜', '护肤', '秋冬'],
        sales: 188,
        ageDays: 5,
      },
      {
        id: 'p-toothbrush',
        title: '声波电动牙刷',
        subtitle: '五档模式 · 续航 60 天',
        description:
          '磁悬浮声波马达，五档清洁模式，两分钟智能计时。充一次电约用 60 天，送两支刷头。',
        specs: [spec('颜色', '云白', '樱粉', '曜黑')],
        skus: [
          [19900, 60, 25900],
          [19900, 45, 25900],
          [19900, 40, 25900],
        ],
        tags: ['会员专享'],
        keywords: ['牙刷', '电动牙刷', '口腔', '礼物'],
        sales: 470,
      },
      {
        id: 'p-laundry',
        title: '薰衣草洗衣液',
        subtitle: '低泡易漂 · 机洗手洗',
        description: '生物酶配方去渍力强，低泡好漂洗，淡淡薰衣草香。滚筒、波轮、手洗都适用。',
        specs: [spec('规格', '2kg', '4kg × 2')],
        skus: [
          [2990, 200],
          [8990, 100, 10990],
        ],
        keywords: ['洗衣液', '洗衣', '清洁', '家务'],
        sales: 1340,
      },
    ],
  },
  {
    id: 'c-kitchen',
    name: '厨房好物',
    products: [
      {
        id: 'p-cast-iron-pot',
        title: '珐琅铸铁锅',
        subtitle: '锁水焖炖 · 电磁炉可用',
        description:
          '厚实铸铁锅身，内外珐琅涂层，锅盖自带回流凸点，炖肉煲汤锁住水分。' +
          '燃气、电磁炉、烤箱通用。',
        specs: [spec('尺寸', '20cm', '24cm'), spec('颜色', '樱桃红', '燕麦白')],
        skus: [
          [39900, 25, 49900],
          [39900, 20, 49900],
          [49900, 15, 59900],
          [49900, 12, 59900],
        ],
        tags: ['会员专享'],
        keywords: ['锅', '炖锅', '铸铁', '珐琅', '厨具'],
        sales: 210,
      },
      {
        id: 'p-knife',
        title: '大马士革菜刀',
        subtitle: '锋利耐用 · 切片切丝',
        description: '67 层大马士革钢锻打，刃口锋利持久，木柄防滑。三件套含菜刀、厨师刀、水果刀。',
        specs: [spec('规格', '中片刀', '刀具三件套')],
        skus: [
          [15900, 50],
          [32900, 20, 39900],
        ],
        keywords: ['菜刀', '刀具', '厨具'],
        sales: 330,
      },
      {
        id: 'p-cutting-board',
        title: '整竹砧板',
        subtitle: '无拼接 · 双面可用',
        description: '整块楠竹压制，无拼接胶水，不易开裂发霉。一面切生、一面切熟，干净卫生。',
        specs: [spec('尺寸', '小号 36cm', '大号 45cm')],
        skus: [
          [4990, 100],
          [7990, 70],
        ],
        keywords: ['砧板', '菜板', '厨具', '竹'],
        sales: 720,
      },
      {
        id: 'p-sesame-oil',
        title: '石磨小磨香油',
        subtitle: '古法水代 · 一滴浓香',
        description:
          '精选白芝麻，石磨研磨、水代法分离，香味浓郁。凉拌菜、馄饨汤、火锅油碟都少不了。',
        specs: [spec('规格', '250ml', '500ml')],
        skus: [
          [2590, 160],
          [4590, 110],
        ],
        keywords: ['香油', '芝麻油', '调味', '凉拌'],
        sales: 1190,
      },
      {
        id: 'p-soy-sauce',
        title: '头道原酿酱油',
        subtitle: '180 天晒制 · 特级生抽',
        description: '非转基因黄豆与小麦，天然晒露 180 天，只取头道原油。氨基酸态氮 ≥ 1.3g/100ml。',
        specs: [spec('规格', '500ml', '500ml × 3')],
        skus: [
          [2290, 190],
          [5990, 90, 6870],
        ],
        keywords: ['酱油', '生抽', '调味'],
        sales: 1010,
      },
      {
        id: 'p-rice',
        title: '五常稻花香大米',
        subtitle: '当季新米 · 软糯回甜',
        description: '黑龙江五常稻花香 2 号，当季新米现磨现发，真空小包装。煮饭时满屋米香。',
        specs: [spec('规格', '5kg', '10kg')],
        skus: [
          [6990, 150, 7990],
          [12990, 80],
        ],
        tags: ['热卖'],
        keywords: ['大米', '五常', '米', '东北', '粮油'],
        sales: 1750,
      },
    ],
  },
];

/** Every combination of the dimensions' values, first dimension outermost. */
function combinations(specs: SpecDimension[]): string[][] {
  return specs.reduce<string[][]>(
    (combos, dim) => combos.flatMap((combo) => dim.values.map((value) => [...combo, value])),
    [[]],
  );
}

/** Spreads a product's sales over its SKUs, earlier ones selling more, summing to `sales`. */
function spreadSales(sales: number, count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => count - i);
  const total = weights.reduce((s, w) => s + w, 0);
  const sold = weights.map((w) => Math.floor((sales * w) / total));
  sold[0] += sales - sold.reduce((s, n) => s + n, 0);
  return sold;
}

function build(): { categories: Category[]; products: Product[]; skus: Sku[] } {
  const categories: Category[] = [];
  const products: Product[] = [];
  const skus: Sku[] = [];
  let productIndex = 0;
  CATALOG.forEach((cat, catIndex) => {
    categories.push({ _id: cat.id, name: cat.name, sort: (catIndex + 1) * 10 });
    cat.products.forEach((def, i) => {
      const combos = combinations(def.specs);
      if (combos.length !== def.skus.length) {
        throw new Error(
          `${def.id}: ${combos.length} spec combinations but ${def.skus.length} SKUs`,
        );
      }
      const sold = spreadSales(def.sales, combos.length);
      const productSkus: Sku[] = combos.map((specValues, n) => {
        const [price, stock, original] = def.skus[n];
        return {
          _id: `${def.id}-${n + 1}`,
          productId: def.id,
          specValues,
          priceFen: fen(price),
          ...(original === undefined ? {} : { originalPriceFen: fen(original) }),
          stock,
          sold: sold[n],
          holds: [],
        };
      });
      // The list price is the cheapest SKU (the first one on ties), struck-through price included.
      const cheapest = productSkus.reduce((min, s) => (s.priceFen < min.priceFen ? s : min));
      // Every third product gets a third picture so galleries of both lengths are exercised.
      const imageCount = productIndex % 3 === 0 ? 3 : 2;
      products.push({
        _id: def.id,
        categoryId: cat.id,
        title: def.title,
        subtitle: def.subtitle,
        // Pictures live in cloud storage (uploaded when the seed loads: emulator/config.ts).
        images: Array.from({ length: imageCount }, (_, k) =>
          fileIdFor(SEED_ENV_ID, `products/${def.id}-${k + 1}.svg`),
        ),
        description: def.description,
        specs: def.specs,
        priceFen: cheapest.priceFen,
        ...(cheapest.originalPriceFen === undefined
          ? {}
          : { originalPriceFen: cheapest.originalPriceFen }),
        tags: def.tags ?? [],
        status: def.status ?? 'ON',
        sort: (catIndex + 1) * 100 + (i + 1) * 10,
        sales: def.sales,
        keywords: def.keywords,
        createdAt: SEED_TIME - (def.ageDays ?? 30 + productIndex * 4) * DAY,
      });
      skus.push(...productSkus);
      productIndex += 1;
    });
  });
  return { categories, products, skus };
}

const users: User[] = [
  {
    _id: DEMO_USERS.newUser,
    nickname: '新朋友小林',
    createdAt: SEED_TIME,
    lastSeenAt: SEED_TIME,
    firstEntry: { at: SEED_TIME },
    paidOrderCount: 0,
    paidTotalFen: fen(0),
  },
  {
    _id: DEMO_USERS.regular,
    nickname: '老顾客阿芳',
    createdAt: SEED_TIME - 120 * DAY,
    lastSeenAt: SEED_TIME - 2 * DAY,
    firstEntry: { at: SEED_TIME - 120 * DAY },
    paidOrderCount: 5,
    paidTotalFen: fen(68600),
    address: {
      name: '王芳',
      phone: '13800000000',
      region: '浙江省 杭州市 西湖区',
      detail: '文一西路 88 号翠苑小区 3 幢 2 单元 502 室',
    },
  },
  {
    _id: DEMO_USERS.staff,
    nickname: '店长老周',
    createdAt: SEED_TIME - 180 * DAY,
    lastSeenAt: SEED_TIME - DAY,
    firstEntry: { at: SEED_TIME - 180 * DAY },
    paidOrderCount: 0,
    paidTotalFen: fen(0),
  },
];

const staff: Staff[] = [{ _id: DEMO_USERS.staff, role: 'owner', name: '店长老周' }];

export const SEED: {
  categories: Category[];
  products: Product[];
  skus: Sku[];
  users: User[];
  staff: Staff[];
} = { ...build(), users, staff };

/** Products and SKUs in deliberately awkward stock situations, for tests and demos. */
export const SPECIAL = {
  /** 风干牛肉干: 香辣 250g is sold out, the other five SKUs are in stock. */
  partlySoldOutProductId: 'p-beef-jerky',
  soldOutSkuId: 'p-beef-jerky-4',
  /** 武夷大红袍老枞: a single SKU with only 3 left. */
  lowStockSkuId: 'p-dahongpao-1',
} as const;
