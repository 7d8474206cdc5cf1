/** The 发布基线通知 (baseline notice) as static files next to its page: baseline.md, baseline.txt and baseline.html (the e-mail body). */
import type { APIRoute } from 'astro';
import { noticeFileResponse, noticeFileStaticPaths, type NoticeFileProps } from '../../../../../portal/notices.ts';

export const getStaticPaths = () => noticeFileStaticPaths('baseline');

export const GET: APIRoute = ({ props }) => noticeFileResponse(props as NoticeFileProps);
