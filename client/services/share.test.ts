import { invitePath, shareData, sharePayloadFrom } from './share';

it('a share button sends its own title and path', () => {
  const data = shareData({ title: '我点亮了「初次签到」徽章', path: invitePath('K7QM2XRT') });
  const event = { from: 'button', target: { dataset: { shareTitle: data['data-share-title'], sharePath: data['data-share-path'] } } };
  expect(sharePayloadFrom(event, { title: 'x', path: 'pages/index/index' })).toEqual({
    title: '我点亮了「初次签到」徽章',
    path: '/pages/index/index?inviteCode=K7QM2XRT',
  });
});

it('the ··· menu shares the page default', () => {
  expect(sharePayloadFrom({ from: 'menu' }, { title: '一起来签到', path: 'pages/index/index' })).toEqual({
    title: '一起来签到',
    path: '/pages/index/index',
  });
});
