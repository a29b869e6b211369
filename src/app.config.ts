// Pages: the four tab pages live in the main package; everything else is a subpackage, so the
// main package stays small (WeChat loads it before anything shows).
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/category/index', 'pages/cart/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/product', pages: ['detail/index'] },
    { root: 'packages/checkout', pages: ['index'] },
    { root: 'packages/orders', pages: ['list/index', 'detail/index'] },
    { root: 'packages/coupons', pages: ['center/index', 'mine/index'] },
    // Group buying: a group's page (the link that is shared) and my groups.
    { root: 'packages/group', pages: ['index', 'mine/index'] },
    // Friend assists: an assist's page (the link that is shared).
    { root: 'packages/assist', pages: ['index'] },
    // Deposit-inflation pre-sales: a pre-sale's page (rules, deposit, credit, final payment).
    { root: 'packages/presale', pages: ['index'] },
    // Blind boxes: a box's page (odds before paying), my boxes, and any draw's proof.
    { root: 'packages/blindbox', pages: ['index', 'mine/index', 'verify/index'] },
    // Sharers: 我的推广 (invitees, commission, withdrawals) and the product poster.
    { root: 'packages/promote', pages: ['index', 'poster/index'] },
    // Staff only: stock, staff and roles (more sections come with later issues).
    {
      root: 'packages/admin',
      pages: [
        'index',
        'orders/index',
        'order/index',
        'after-sales/index',
        'products/index',
        'product/index',
        'campaigns/index',
        'campaign/index',
        'stock/index',
        'sku/index',
        'import/index',
        'staff/index',
        'signin/index',
        'distribution/index',
        'withdrawals/index',
        'channels/index',
        'notices/index',
        'groups/index',
        'presales/index',
        'blindboxes/index',
      ],
    },
  ],
  // WeChat's address book at checkout; also declared in the privacy guide (README: deploying).
  requiredPrivateInfos: ['chooseAddress'],
  // Written by config/weapp-files.ts: which pages WeChat search may index.
  sitemapLocation: 'sitemap.json',
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '拾光小铺',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'light',
  },
  tabBar: {
    color: '#8c8c8c',
    selectedColor: '#e8553e',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tab/category.png',
        selectedIconPath: 'assets/tab/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab/cart.png',
        selectedIconPath: 'assets/tab/cart-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
