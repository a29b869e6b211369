// The shop in one process (what `npm start` runs after building): the local cloud with the demo
// data on CLOUD_PORT (default 8787) and the H5 shop on WEB_PORT (default 8686), both 127.0.0.1.
import path from 'node:path';
import { Cloud } from './cloud';
import { DEFAULT_WEB_PORT, cloudOptionsFromEnv } from './config';
import { runUntilStopped } from './process';
import { startShopServer } from './shop-server';

async function main(): Promise<void> {
  const root = process.cwd();
  const webPort =
    process.env.WEB_PORT === undefined ? DEFAULT_WEB_PORT : Number(process.env.WEB_PORT);
  // A wxacode made here opens the H5 shop; with WEB_PORT=0 the port is only known later.
  const cloud = new Cloud(
    cloudOptionsFromEnv(root, { seedByDefault: true, qrBaseUrl: `http://127.0.0.1:${webPort}/#/` }),
  );
  const cloudUrl = await cloud.start();
  const { url, server } = await startShopServer(cloud, path.join(root, 'dist/h5'), webPort);
  if (!process.env.CLOUD_QR_BASE_URL) cloud.qrBaseUrl = `${url}/#/`;
  console.log(`Local cloud listening on ${cloudUrl}`);
  console.log(
    `Shop ready at ${url}/ (the H5 build on the local cloud; demo data in ${cloud.options.dataDir})`,
  );
  runUntilStopped(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await cloud.close();
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
