// Choosing a CSV file for a bulk import and reading its text: in the mini-program a file from a
// chat (wx.chooseMessageFile), in the browser a file from the computer.
async function pickInWeapp(): Promise<string | null> {
  try {
    const res = await wx.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
    const path = res.tempFiles[0]?.path;
    return path ? (wx.getFileSystemManager().readFileSync(path, 'utf8') as string) : null;
  } catch {
    return null;
  }
}

function pickInBrowser(): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.txt,text/csv,text/plain';
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      void file.text().then(resolve, () => resolve(null));
    };
    input.click();
  });
}

export const pickTextFile = process.env.TARO_ENV === 'h5' ? pickInBrowser : pickInWeapp;
