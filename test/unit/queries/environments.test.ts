/** Environments of site.yaml with their owners, and those a release's test reports ran in. */
import { describe, expect, it } from 'vitest';
import { releaseEnvironments, siteEnvironments } from '../../../src/model/queries/environments.ts';
import { fixtureCopy } from '../helpers.ts';
import { loadContent } from '../../../src/model/load.ts';
import { fixtureContent, sampleContent } from './sample.ts';

describe('environments', () => {
  it("lists site.yaml's environments in order, with owner and how many reports ran in each", async () => {
    const content = await sampleContent();
    expect(siteEnvironments(content).map((e) => `${e.id} ${e.title} ${e.owner} ${e.reports}`)).toEqual([
      'dev 开发环境 dev 0',
      'test 测试环境 qa 18',
      'staging 预热环境 ops 14',
      'prod 生产环境 ops 0',
    ]);
  });

  it("gives a release's environments in site.yaml's order", async () => {
    const content = await sampleContent();
    expect(releaseEnvironments(content, 'payment-gateway@2.4.0').map((e) => `${e.title} ${e.reports}`)).toEqual(['测试环境 1', '预热环境 2']);
    expect(releaseEnvironments(content, 'mobile-app@3.11')).toEqual([]);
    expect(siteEnvironments(await fixtureContent())).toEqual([{ id: 'test', title: 'Test', owner: 'qa', reports: 1 }]);
  });

  it('keeps free-text environments when site.yaml defines none', async () => {
    const root = await fixtureCopy('valid', {
      'site.yaml': 'title: Fixture portal\nlocale: en\ntimezone: Asia/Shanghai\nroles: { dev: Developer, lead: Tech lead, qa: Tester, ops: Operations }\n',
    });
    const { content, problems } = await loadContent(root);
    expect(problems).toEqual([]);
    expect(siteEnvironments(content)).toEqual([]);
    expect(releaseEnvironments(content, 'shop@1.0.0')).toEqual([{ id: 'test', title: 'test', reports: 1 }]);
  });
});
