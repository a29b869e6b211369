// What staff send to create or edit a product, and the rules it must meet before anything is
// written: one shared schema for the admin's form and the server (like the address rules).
import { z } from 'zod';

const image = z
  .string()
  .regex(/^(cloud:\/\/|https:\/\/)/, '图片须是云存储文件或 https 地址')
  .max(500);

export const productFormSchema = z
  .object({
    /** Absent: a new product. */
    id: z.string().min(1).max(64).optional(),
    title: z.string().trim().min(1, '请填写商品名称').max(40, '商品名称最多 40 个字'),
    subtitle: z.string().trim().max(60, '副标题最多 60 个字').default(''),
    description: z.string().trim().max(2000, '商品介绍最多 2000 个字').default(''),
    categoryId: z.string().min(1, '请选择分类').max(64),
    images: z.array(image).min(1, '至少上传一张图片').max(9, '最多 9 张图片'),
    specs: z
      .array(
        z.object({
          name: z.string().trim().min(1, '请填写规格名').max(10),
          values: z.array(z.string().trim().min(1).max(20)).min(1, '每个规格至少一个值').max(20),
        }),
      )
      .min(1, '至少一个规格')
      .max(3, '最多 3 个规格'),
    tags: z.array(z.string().trim().min(1).max(8)).max(5).default([]),
    onSale: z.boolean(),
    sort: z.number().int().min(0).max(1_000_000).default(1000),
    skus: z
      .array(
        z.object({
          /** Absent: a new SKU (its stock opens the ledger). */
          id: z.string().min(1).max(80).optional(),
          specValues: z.array(z.string().trim().min(1).max(20)),
          priceFen: z.number().int().min(1, '价格须大于 0').max(100_000_000),
          originalPriceFen: z.number().int().min(1).max(100_000_000).optional(),
          /** New SKUs only; later changes go through stock (with a reason and the ledger). */
          stock: z.number().int().min(0).max(1_000_000).default(0),
        }),
      )
      .min(1, '至少一个 SKU')
      .max(100),
  })
  .superRefine((form, ctx) => {
    for (const dim of form.specs)
      if (new Set(dim.values).size !== dim.values.length)
        ctx.addIssue({ code: 'custom', message: `规格「${dim.name}」有重复的值`, path: ['specs'] });
    const seen = new Set<string>();
    form.skus.forEach((sku, i) => {
      const fits =
        sku.specValues.length === form.specs.length &&
        sku.specValues.every((v, d) => form.specs[d].values.includes(v));
      if (!fits)
        ctx.addIssue({
          code: 'custom',
          message: `第 ${i + 1} 个 SKU 的规格不在规格值里`,
          path: ['skus', i],
        });
      const key = sku.specValues.join('/');
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', message: `规格组合「${key}」重复了`, path: ['skus', i] });
      seen.add(key);
      if (sku.originalPriceFen !== undefined && sku.originalPriceFen < sku.priceFen)
        ctx.addIssue({
          code: 'custom',
          message: `第 ${i + 1} 个 SKU 的划线价低于售价`,
          path: ['skus', i],
        });
    });
  });

export type ProductForm = z.infer<typeof productFormSchema>;
export type ProductFormInput = z.input<typeof productFormSchema>;

/** Every combination of the spec values, in order: the SKUs a form offers. */
export function specCombinations(specs: { values: string[] }[]): string[][] {
  return specs.reduce<string[][]>(
    (combos, dim) => combos.flatMap((c) => dim.values.map((v) => [...c, v])),
    [[]],
  );
}
