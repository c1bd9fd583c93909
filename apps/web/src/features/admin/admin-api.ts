import { useQuery } from '@tanstack/react-query';
import type { AdminCategoryList, HolidayYearList, HolidayYearView, Open311Client } from '@shuren/core';
import { api } from '../../shared/api';
import { hasPermission, type Me } from '../../shared/auth';

/** Admin settings (设置): the category tree, holiday years, Open311 client keys. */
export const ADMIN_CATEGORIES_KEY = ['admin', 'categories'] as const;
export const HOLIDAY_YEARS_KEY = ['admin', 'holiday-years'] as const;
export const OPEN311_CLIENTS_KEY = ['admin', 'open311-clients'] as const;

export function useAdminCategories() {
  return useQuery({ queryKey: ADMIN_CATEGORIES_KEY, queryFn: () => api<AdminCategoryList>('/appeal-categories') });
}

export function useHolidayYears() {
  return useQuery({ queryKey: HOLIDAY_YEARS_KEY, queryFn: () => api<HolidayYearList>('/holiday-years') });
}

export function useHolidayYear(year: number | undefined, exists: boolean) {
  return useQuery({ queryKey: [...HOLIDAY_YEARS_KEY, year], queryFn: () => api<HolidayYearView>(`/holiday-years/${year}`), enabled: year !== undefined && exists });
}

export function useOpen311Clients() {
  return useQuery({ queryKey: OPEN311_CLIENTS_KEY, queryFn: () => api<{ items: Open311Client[]; nextCursor: string | null }>('/open311/clients', { query: { limit: 200 } }) });
}

/** Which settings tabs this account has (the server checks every call again). */
export function adminSections(me: Me | null | undefined) {
  return {
    categories: hasPermission(me, 'appeal_category.manage'),
    holidays: hasPermission(me, 'calendar.manage'),
    // Open311 keys are issued by subdistrict admins over their subtree (the server's open311 policy).
    open311: !!me?.assignments.some((a) => a.role === 'subdistrict_admin'),
  };
}
