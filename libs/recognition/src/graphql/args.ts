import { ID, Int } from '@nestjs/graphql';

export const ID_ARG = { type: () => ID };
export const VERSION_ARG = { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' };
