// Deployment settings, from the functions' environment variables (set them in the CloudBase
// console per function; defaults suit the local cloud).
export const settings = {
  /** Shown in payment descriptions. */
  shopName: process.env.SHOP_NAME || '拾光小铺',
  /** The WeChat Pay sub-merchant id bound to the CloudBase environment. */
  subMchId: process.env.PAY_SUB_MCH_ID || '1900000109',
  /** The function that receives pay and refund notices. */
  payNotifyFunction: 'payNotify',
};
