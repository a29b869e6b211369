// Choosing a picture and reading it as base64 for admin.uploadImage: in the mini-program from the
// album or camera (a temp file read through the file system manager), in the browser from a file.
import Taro from '@tarojs/taro';

export interface PickedImage {
  contentType: string;
  base64: string;
}

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

async function pickInWeapp(): Promise<PickedImage | null> {
  const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null);
  const path = res?.tempFilePaths[0];
  if (!path) return null;
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  const base64 = Taro.getFileSystemManager().readFileSync(path, 'base64') as string;
  return { contentType: TYPES[ext] ?? 'image/jpeg', base64 };
}

async function pickInBrowser(): Promise<PickedImage | null> {
  const res = await Taro.chooseImage({ count: 1 }).catch(() => null);
  const file = (res?.tempFiles[0] as { originalFileObj?: Blob } | undefined)?.originalFileObj;
  if (!file) return null;
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  const [, contentType, base64] = /^data:([^;]+);base64,(.*)$/.exec(dataUrl) ?? [];
  return contentType && base64 ? { contentType, base64 } : null;
}

export const pickImage = process.env.TARO_ENV === 'h5' ? pickInBrowser : pickInWeapp;
