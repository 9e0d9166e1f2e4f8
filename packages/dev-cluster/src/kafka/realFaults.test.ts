import { fileProviderReferences } from './realFaults';

describe('fileProviderReferences', () => {
  it('finds every ${file:<path>:<key>} reference, and nothing else', () => {
    expect(
      fileProviderReferences({
        'batch.size': '${file:feed.properties:batch.size}',
        url: 'jdbc:${file:/etc/db.properties:host}/${file:/etc/db.properties:db}',
        password: '${secrets:orders/mysql:password}',
        topic: 'plain',
        count: 3,
      }),
    ).toEqual([
      { file: 'feed.properties', key: 'batch.size' },
      { file: '/etc/db.properties', key: 'host' },
      { file: '/etc/db.properties', key: 'db' },
    ]);
    expect(fileProviderReferences(undefined)).toEqual([]);
  });
});
