// A campaign's form (new, or an edit): its name and price label, window, priority, and its
// conditions and offers picked from the rules registry, each rule's arguments rendered from their
// types (ArgField); checked with the same schema the server uses before it is sent.
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { ArgSpecs } from '@domain/campaigns/args';
import { ACTIONS, CONDITIONS } from '@domain/campaigns/rules';
import { campaignSchema } from '@domain/campaigns/schema';
import type { Campaign, CampaignKind, RuleRef } from '@domain/campaigns/types';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { ArgField, defaultArg } from '../components/ArgField';
import { adminApi } from '../admin-api';
import { readTime, showTime } from '../china-time';
import '../admin.scss';

const KINDS: { kind: CampaignKind; label: string }[] = [
  { kind: 'FLASH_SALE', label: '限时秒杀' },
  { kind: 'NEW_USER', label: '新人专享' },
  { kind: 'TRIAL', label: '试用' },
  { kind: 'MEMBER', label: '会员价' },
  { kind: 'REPEAT_DISCOUNT', label: '复购优惠' },
  { kind: 'ORDER_DISCOUNT', label: '满减' },
  { kind: 'FULL_RETURN', label: '消费全返' },
  { kind: 'SIGNUP_PACK', label: '新人券包' },
  { kind: 'GROUP_BUY', label: '阶梯拼团' },
  { kind: 'ASSIST', label: '好友助力' },
  { kind: 'PRESALE', label: '定金膨胀预售' },
  { kind: 'BLIND_BOX', label: '幸运盲盒' },
];

const HOUR = 3_600_000;

function blank(now: number): Campaign {
  return {
    _id: `cmp-${now.toString(36)}`,
    kind: 'FLASH_SALE',
    title: '',
    label: '',
    startsAt: now,
    endsAt: now + 24 * HOUR,
    status: 'ACTIVE',
    priority: 10,
    conditions: [],
    actions: [],
  };
}

function RuleList({
  title,
  registry,
  refs,
  onChange,
}: {
  title: string;
  registry: typeof CONDITIONS | typeof ACTIONS;
  refs: RuleRef[];
  onChange: (refs: RuleRef[]) => void;
}) {
  const add = (code: string) => {
    const args = Object.fromEntries(
      Object.entries(registry[code].args as ArgSpecs).map(([name, spec]) => [
        name,
        defaultArg(spec),
      ]),
    );
    onChange([...refs, { code, args }]);
  };
  return (
    <View className="admin-card admin-rules">
      <Text className="admin-subtitle">{title}</Text>
      {refs.map((ref, i) => {
        const rule = registry[ref.code];
        return (
          <View key={`${ref.code}-${i}`} className="admin-rule">
            <View className="admin-form">
              <Text className="admin-rule-name">{rule?.label ?? ref.code}</Text>
              <Text className="muted">{rule?.description}</Text>
              <View
                className="admin-chip"
                onClick={() => onChange(refs.filter((_r, k) => k !== i))}
              >
                移除
              </View>
            </View>
            {rule
              ? Object.entries(rule.args as ArgSpecs).map(([name, spec]) => (
                  <ArgField
                    key={name}
                    spec={spec}
                    value={ref.args[name]}
                    onChange={(v) =>
                      onChange(
                        refs.map((r, k) =>
                          k === i ? { ...r, args: { ...r.args, [name]: v } } : r,
                        ),
                      )
                    }
                  />
                ))
              : null}
          </View>
        );
      })}
      <View className="admin-form">
        {Object.values(registry).map((rule) => (
          <View
            key={rule.code}
            className={`admin-chip admin-add-rule admin-add-${rule.code}`}
            onClick={() => add(rule.code)}
          >
            {`+ ${rule.label}`}
          </View>
        ))}
      </View>
    </View>
  );
}

function CampaignContent() {
  const { params } = useRouter();
  const campaignId = params.id;
  const list = useCloudData(() => adminApi.campaigns(), [], { refreshOnShow: false });
  const [draft, setDraft] = useState<Campaign | null>(null);
  const [times, setTimes] = useState({ start: '', end: '' });
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    if (draft || !list.data) return;
    const found = list.data.find((c) => c.campaign._id === campaignId)?.campaign;
    const start = found ?? blank(Date.now());
    setDraft(start);
    setTimes({ start: showTime(start.startsAt), end: showTime(start.endsAt) });
  }, [list.data, draft, campaignId]);

  if (list.error && !draft) return <ErrorState message={list.error} onRetry={list.retry} />;
  if (!draft) return <Loading />;
  const change = (fields: Partial<Campaign>) => (
    setDraft({ ...draft, ...fields }),
    setProblems([])
  );

  const save = async () => {
    const doc = { ...draft, startsAt: readTime(times.start), endsAt: readTime(times.end) };
    const checked = campaignSchema.safeParse(doc);
    if (!checked.success)
      return setProblems(checked.error.issues.map((i) => `${i.path.join('.')}：${i.message}`));
    const res = await adminApi.saveCampaign(doc);
    if (!res.ok) return setProblems([res.message]);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    void Taro.redirectTo({ url: '/packages/admin/campaigns/index' });
  };

  return (
    <>
      <Text className="admin-title">{campaignId ? '编辑活动' : '新建活动'}</Text>
      <View className="admin-card admin-product-form">
        <View className="admin-form">
          {KINDS.map((k) => (
            <View
              key={k.kind}
              className={`admin-chip${draft.kind === k.kind ? ' active' : ''}`}
              onClick={() => change({ kind: k.kind })}
            >
              {k.label}
            </View>
          ))}
        </View>
        <Input
          className="admin-input admin-campaign-title"
          placeholder="活动名称，如 周末秒杀"
          value={draft.title}
          onInput={(e) => change({ title: e.detail.value })}
        />
        <Input
          className="admin-input admin-campaign-label"
          placeholder="价格标签，如 秒杀价"
          value={draft.label}
          onInput={(e) => change({ label: e.detail.value })}
        />
        <View className="admin-form">
          <Input
            className="admin-input admin-campaign-start"
            placeholder="开始 2026-11-25 10:00"
            value={times.start}
            onInput={(e) => setTimes({ ...times, start: e.detail.value })}
          />
          <Input
            className="admin-input admin-campaign-end"
            placeholder="结束 2026-11-26 10:00"
            value={times.end}
            onInput={(e) => setTimes({ ...times, end: e.detail.value })}
          />
          <Input
            className="admin-input admin-campaign-priority"
            type="number"
            placeholder="优先级"
            value={String(draft.priority)}
            onInput={(e) => change({ priority: Number(e.detail.value) || 0 })}
          />
        </View>
      </View>
      <RuleList
        title="条件"
        registry={CONDITIONS}
        refs={draft.conditions}
        onChange={(conditions) => change({ conditions })}
      />
      <RuleList
        title="优惠"
        registry={ACTIONS}
        refs={draft.actions}
        onChange={(actions) => change({ actions })}
      />
      {problems.map((p) => (
        <Text key={p} className="admin-error admin-campaign-problem">
          {p}
        </Text>
      ))}
      <View className="btn admin-save-campaign" onClick={() => void save()}>
        保存
      </View>
    </>
  );
}

export default function AdminCampaignPage() {
  return (
    <AdminShell current="campaigns">
      <CampaignContent />
    </AdminShell>
  );
}
