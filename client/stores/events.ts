import { create } from 'zustand';
import type { EventMineData } from '@shared/contracts/event';
import { eventService } from '@/services/event';
import { createResource, type Resource } from './toolkit/resource';

/** 我的活动 (`event.mine`): the events the member attended and those to come. */
export type EventsState = Resource<EventMineData, 'mine'>;

export const useEventsStore = create<EventsState>()(createResource(() => eventService.mine(), { data: 'mine' }));
