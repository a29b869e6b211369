// The protobuf envelope wx-server-sdk uses for openapi calls (field numbers as in its bundled
// schema): requests arrive as CommApiData with key/JSON-value pairs, replies go back as
// CommOpenApiResp carrying the WeChat HTTP body.
import protobuf from 'protobufjs/light';

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
});

const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** The request's parameters, each value JSON-decoded as the SDK encoded it. */
export function decodeRequest(buffer: Uint8Array): Record<string, unknown> {
  const message = CommApiData.toObject(CommApiData.decode(buffer), { defaults: true }) as {
    openapiData?: { pairs?: { key: string; value: Uint8Array }[] };
  };
  const data: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const text = Buffer.from(pair.value).toString('utf8');
    try {
      data[pair.key] = JSON.parse(text);
    } catch {
      data[pair.key] = text;
    }
  }
  return data;
}

export function encodeResponse(body: Buffer, contentType: string): Buffer {
  const message = CommOpenApiResp.create({
    respData: body,
    contentType,
    errorCode: 0,
    httpCode: 200,
  });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}
