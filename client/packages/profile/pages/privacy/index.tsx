import { View, Text } from '@tarojs/components';
import { Card } from '@/components/Card';
import { Screen } from '@/components/Screen';
import './index.css';

interface Collected {
  what: string;
  why: string;
}

const COLLECTED: Collected[] = [
  { what: '微信用户标识（OpenID）', why: '识别你的会员身份，保存你的积分、成长值、徽章和券。我们不会获取你的微信号或手机号。' },
  { what: '头像、昵称（你主动填写）', why: '显示在会员卡、邀请卡和海报上；你的朋友会在“我的邀请”里看到你的昵称和头像。' },
  { what: '签到、兑换、核销和邀请记录', why: '计算连续签到、积分、会员等级、徽章和邀请激活，并向你展示明细。' },
  { what: '相册（仅写入）', why: '仅在你点击“保存到相册”时保存邀请海报，不读取你的照片。' },
  { what: '摄像头（仅门店员工）', why: '门店员工扫描券码二维码完成核销时使用，不拍摄或保存照片。' },
];

/** 用户隐私保护指引: what the member center collects and why, how long, and the member's rights. */
export default function Privacy() {
  return (
    <Screen>
      <Card title="我们收集的信息">
        {COLLECTED.map((c) => (
          <View key={c.what} className="pv-item">
            <Text className="pv-item__what">{c.what}</Text>
            <Text className="pv-item__why">{c.why}</Text>
          </View>
        ))}
      </Card>
      <Card title="我们如何保存和使用">
        <Text className="pv-p">信息保存在品牌的微信云开发环境中，仅用于会员中心的功能，不会出售或提供给第三方，也不会用于广告推送。</Text>
        <Text className="pv-p">
          品牌运营人员只能查看汇总的活动数据（如签到人数、兑换次数），门店员工核销时只能看到券对应的福利和会员昵称。
        </Text>
        <Text className="pv-p">昵称会经过微信内容安全检测，以防出现不当内容。</Text>
      </Card>
      <Card title="你的权利">
        <Text className="pv-p">你可以随时在“我的资料”中修改头像和昵称，在“积分明细”“我的券”“我的邀请”中查看你的全部记录。</Text>
        <Text className="pv-p">
          你可以在“我的资料”中注销账号。注销后，你的会员资料、积分、成长值、徽章、签到记录和邀请卡将被删除，无法恢复；没有使用的券会作废，名额退回。
        </Text>
        <Text className="pv-p">
          为了品牌的账目，已经核销的券和积分流水会保留，但改用一个随机编号，不再和你的微信身份有任何关联。邀请过你的朋友在“我的邀请”里只会看到“已注销会员”。
        </Text>
        <Text className="pv-p">
          我们还会保留一串由你的微信用户标识加密计算出来的字符（加盐哈希）。它无法还原出你的身份，也不包含任何其他信息，只用来在你重新加入时认出你不是第一次加入，防止同一个人被重复邀请、邀请奖励被重复领取。
        </Text>
        <Text className="pv-p">如对本指引有疑问，可通过社群客服联系我们。</Text>
      </Card>
    </Screen>
  );
}
